using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Engine.Tests.Audio.Codec;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Audio.Jitter;

public class JitterBufferTests
{
    private const int Frame = JitterBuffer.FrameSamples;
    private const uint Ssrc = 0x1234_5678;

    // 4 s of a two-tone signal in 20 ms packets with in-band FEC, encoded once for all tests.
    private static readonly Lazy<List<byte[]>> _packets = new(() => EncodeTones(TimeSpan.FromMilliseconds(20), 200));

    private static List<byte[]> Packets => _packets.Value;

    [Fact]
    public void ReorderedPacketsPlayInSequenceOrder()
    {
        var network = new SimulatedNetwork();
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(Options(network), decoder);
        for (int i = 0; i < 10; i++)
        {
            // Packets 2, 5 and 8 overtake their predecessors by 10 ms.
            int arrival = i % 3 == 1 ? (i * 20) + 30 : i * 20;
            AddPacket(network, i, arrival);
        }

        short[] played = Play(buffer, network, 10, out JitterFrameKind[] kinds);

        Assert.All(kinds, kind => Assert.Equal(JitterFrameKind.Decoded, kind));
        Assert.Equal(CleanDecode(0, 10), played);
        Assert.Equal(10, network.InsertResults[JitterInsertResult.Accepted]);
        Assert.Equal(10, buffer.Statistics.Played);
    }
    [Fact]
    public void DuplicatesAreDroppedAndCounted()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions(), decoder);
        Insert(buffer, 0, 0);
        Insert(buffer, 1, 20);

        Assert.Equal(JitterInsertResult.Duplicate, Insert(buffer, 1, 25));
        Assert.Equal(JitterInsertResult.Duplicate, Insert(buffer, 0, 26));
        Assert.Equal(2, buffer.Statistics.Duplicates);
        Assert.Equal(4, buffer.Statistics.Received);
    }

    [Fact]
    public void APacketWhoseTurnHasPassedIsDroppedAsLate()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions(), decoder);
        for (int i = 0; i < 6; i++)
        {
            if (i != 1)
            {
                Insert(buffer, i, i * 20);
            }
        }

        PopAll(buffer, 3, out JitterFrameKind[] kinds);

        Assert.Equal(JitterFrameKind.FecRecovered, kinds[1]);
        Assert.Equal(JitterInsertResult.TooLate, Insert(buffer, 1, 200));
        Assert.Equal(1, buffer.Statistics.Late);
    }

    [Fact]
    public void BeforePlayoutStartsAnEarlierPacketStillFindsItsPlace()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions(), decoder);
        Insert(buffer, 1, 0);
        Insert(buffer, 2, 20);
        Assert.Equal(JitterInsertResult.Accepted, Insert(buffer, 0, 30));
        Insert(buffer, 3, 60);

        short[] played = PopAll(buffer, 4, out _);

        Assert.Equal(CleanDecode(0, 4), played);
    }

    [Fact]
    public void OverflowDropsTheOldestAndKeepsTheBufferBounded()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions() with { Capacity = 16 }, decoder);
        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(JitterInsertResult.Accepted, Insert(buffer, i, i * 20));
        }

        JitterBufferStatistics statistics = buffer.Statistics;
        Assert.Equal(24, statistics.DroppedOverflow);
        Assert.Equal(16 * 20, statistics.BufferedMilliseconds);

        // The newest 16 are what plays.
        var pcm = new short[Frame];
        Assert.Equal(JitterFrameKind.Decoded, buffer.Pop(pcm));
        Assert.Equal(1, buffer.Statistics.Played);
    }

    [Fact]
    public void AnSsrcChangeResetsAndRebuffers()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions(), decoder);
        for (int i = 0; i < 5; i++)
        {
            Insert(buffer, i, i * 20);
        }

        PopAll(buffer, 2, out _);

        Assert.Equal(JitterInsertResult.Resynchronized, buffer.Insert(40_000, 123_456, Ssrc + 1, Packets[0], 100));
        Assert.Equal(1, buffer.Statistics.Resets);
        Assert.Equal(20, buffer.Statistics.BufferedMilliseconds);
        var pcm = new short[Frame];
        Assert.Equal(JitterFrameKind.Buffering, buffer.Pop(pcm));
    }

    [Fact]
    public void SequenceNumbersWrapWithoutAHitch()
    {
        var network = new SimulatedNetwork();
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(Options(network), decoder);
        const ushort First = 65530;
        for (int i = 0; i < 12; i++)
        {
            // 65536 + 1 overtakes 65536 + 0 across the wrap.
            int arrival = i == 6 ? (i * 20) + 30 : i * 20;
            network.Add(TimeSpan.FromMilliseconds(arrival), (ushort)(First + i), (uint)(i * Frame), Packets[i]);
        }

        short[] played = Play(buffer, network, 12, out JitterFrameKind[] kinds);

        Assert.All(kinds, kind => Assert.Equal(JitterFrameKind.Decoded, kind));
        Assert.Equal(CleanDecode(0, 12), played);
    }
    [Fact]
    public void ASequenceJumpResynchronizes()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions(), decoder);
        Insert(buffer, 0, 0);
        Insert(buffer, 1, 20);

        Assert.Equal(JitterInsertResult.Resynchronized, buffer.Insert(5000, 2 * Frame, Ssrc, Packets[2], 40));
        Assert.Equal(JitterInsertResult.Accepted, buffer.Insert(5001, 3 * Frame, Ssrc, Packets[3], 60));
        Assert.Equal(1, buffer.Statistics.Resets);
    }

    [Fact]
    public void ATimestampJumpResynchronizes()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions(), decoder);
        Insert(buffer, 0, 0);
        Insert(buffer, 1, 20);

        uint farAway = (uint)(Frame * 2) + (48_000 * 30);
        Assert.Equal(JitterInsertResult.Resynchronized, buffer.Insert(2, farAway, Ssrc, Packets[2], 40));
        Assert.Equal(1, buffer.Statistics.Resets);
    }

    [Fact]
    public void AMissingPacketIsRebuiltFromTheNextPacketsFec()
    {
        var network = new SimulatedNetwork();
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(Options(network), decoder);
        for (int i = 0; i < 12; i++)
        {
            if (i != 5)
            {
                AddPacket(network, i, i * 20);
            }
        }

        short[] played = Play(buffer, network, 12, out JitterFrameKind[] kinds);

        Assert.Equal(JitterFrameKind.FecRecovered, kinds[5]);
        Assert.Equal(1, buffer.Statistics.FecRecovered);
        Assert.DoesNotContain(JitterFrameKind.Concealed, kinds);
        Assert.Equal(11, buffer.Statistics.Played);

        // The frames before the loss are bit-exact; the rebuilt one is close to the original.
        short[] clean = CleanDecode(0, 12);
        Assert.Equal(clean.AsSpan(0, 5 * Frame).ToArray(), played.AsSpan(0, 5 * Frame).ToArray());
        (double correlation, _) = AudioSimilarity.BestNormalizedCrossCorrelation(clean.AsSpan(5 * Frame, Frame), played.AsSpan(5 * Frame, Frame), maxLag: 0);
        Assert.True(correlation > 0.8, $"FEC frame correlation {correlation:F3}");
    }
    [Fact]
    public void TwoLostPacketsInARowAreConcealedThenRebuilt()
    {
        var network = new SimulatedNetwork();
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(Options(network), decoder);
        for (int i = 0; i < 12; i++)
        {
            if (i is not (5 or 6))
            {
                AddPacket(network, i, i * 20);
            }
        }

        Play(buffer, network, 12, out JitterFrameKind[] kinds);

        Assert.Equal(JitterFrameKind.Concealed, kinds[5]);
        Assert.Equal(JitterFrameKind.FecRecovered, kinds[6]);
        Assert.Single(kinds, kind => kind == JitterFrameKind.Concealed);
        Assert.Equal(1, buffer.Statistics.FecRecovered);
    }
    [Fact]
    public void ConcealmentIsBoundedThenTheBufferGoesBackToBuffering()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions() with { MaxConsecutiveConcealedFrames = 3 }, decoder);
        for (int i = 0; i < 4; i++)
        {
            Insert(buffer, i, i * 20);
        }

        PopAll(buffer, 10, out JitterFrameKind[] kinds);

        JitterFrameKind[] expected =
        [
            JitterFrameKind.Decoded, JitterFrameKind.Decoded, JitterFrameKind.Decoded, JitterFrameKind.Decoded,
            JitterFrameKind.Concealed, JitterFrameKind.Concealed, JitterFrameKind.Concealed,
            JitterFrameKind.Buffering, JitterFrameKind.Buffering, JitterFrameKind.Buffering,
        ];
        Assert.Equal(expected, kinds);
        Assert.Equal(3, buffer.Statistics.Concealed);
        Assert.Equal(1, buffer.Statistics.Underruns);
    }

    [Fact]
    public void PlayoutWaitsUntilTheInitialDelayIsBuffered()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions() with { InitialDelay = TimeSpan.FromMilliseconds(60) }, decoder);
        var pcm = new short[Frame];
        Assert.Equal(JitterFrameKind.Buffering, buffer.Pop(pcm));
        Insert(buffer, 0, 0);
        Insert(buffer, 1, 20);
        Assert.Equal(JitterFrameKind.Buffering, buffer.Pop(pcm));
        Assert.All(pcm, sample => Assert.Equal(0, sample));
        Insert(buffer, 2, 40);
        Assert.Equal(JitterFrameKind.Decoded, buffer.Pop(pcm));
    }

    [Fact]
    public void MalformedAndOversizedPayloadsAreRefused()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions() with { MaxPayloadSize = 100 }, decoder);

        Assert.Equal(JitterInsertResult.Malformed, buffer.Insert(1, 0, Ssrc, [], 0));
        Assert.Equal(JitterInsertResult.Malformed, buffer.Insert(1, 0, Ssrc, [0x79, 1, 2, 3], 0));
        Assert.Equal(JitterInsertResult.Malformed, buffer.Insert(1, 0, Ssrc, new byte[101], 0));
        Assert.Equal(3, buffer.Statistics.Malformed);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(40)]
    [InlineData(60)]
    public void PacketsOtherThan20MillisecondsAreSplitOrJoinedInto20MillisecondFrames(int milliseconds)
    {
        List<byte[]> packets = EncodeTones(TimeSpan.FromMilliseconds(milliseconds), 1200 / milliseconds);
        var network = new SimulatedNetwork();
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(Options(network), decoder);
        for (int i = 0; i < packets.Count; i++)
        {
            network.Add(TimeSpan.FromMilliseconds(i * milliseconds), (ushort)i, (uint)(i * 48 * milliseconds), packets[i]);
        }

        short[] played = Play(buffer, network, 60, out JitterFrameKind[] kinds);

        using var reference = new OpusAudioDecoder();
        var clean = new short[60 * Frame];
        int offset = 0;
        foreach (byte[] packet in packets)
        {
            offset += reference.Decode(packet, clean.AsSpan(offset));
        }

        Assert.All(kinds, kind => Assert.Equal(JitterFrameKind.Decoded, kind));
        Assert.Equal(clean, played);
        Assert.Equal(packets.Count, buffer.Statistics.Played);
    }
    [Fact]
    public void TargetDelayGrowsWithJitterAndShrinksAfterCalm()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions(), decoder);
        var random = new Random(3550);
        var pcm = new short[Frame];
        int sequence = 0;

        void Run(int packets, int maxJitterMilliseconds)
        {
            for (int i = 0; i < packets; i++, sequence++)
            {
                long arrival = (sequence * 20L) + random.Next(0, maxJitterMilliseconds + 1);
                buffer.Insert((ushort)sequence, (uint)(sequence * Frame), Ssrc, Packets[sequence % Packets.Count], arrival);
                buffer.Pop(pcm);
            }
        }

        Run(100, 0);
        double calm = buffer.Statistics.TargetDelayMilliseconds;
        Run(150, 80);
        double jittery = buffer.Statistics.TargetDelayMilliseconds;
        Run(2500, 0);
        double calmAgain = buffer.Statistics.TargetDelayMilliseconds;

        Assert.InRange(calm, 20, 60);
        Assert.InRange(jittery, 80, 200);
        Assert.InRange(calmAgain, 20, 30);
        Assert.True(buffer.Statistics.InterarrivalJitterMilliseconds < 1);
    }

    [Fact]
    public void OneSpikeRaisesTheTargetAtOnce()
    {
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(MillisecondOptions(), decoder);
        for (int i = 0; i < 20; i++)
        {
            Insert(buffer, i, i * 20);
        }

        Insert(buffer, 20, (20 * 20) + 150);

        Assert.Equal(170, buffer.Statistics.TargetDelayMilliseconds, precision: 6);
    }

    [Fact]
    public void InsertAndPopAllocateNothing()
    {
        using var decoder = new OpusAudioDecoder(backend: OpusCodecBackend.Native);
        var buffer = new JitterBuffer(MillisecondOptions(), decoder);
        var pcm = new short[Frame];
        int sequence = 0;
        AllocationBudget.AssertZero(
            () =>
            {
                // Every 10th packet is lost (FEC) and every 7th arrives twice, to walk every path.
                if (sequence % 10 != 3)
                {
                    buffer.Insert((ushort)sequence, (uint)(sequence * Frame), Ssrc, Packets[sequence % Packets.Count], sequence * 20L);
                }

                if (sequence % 7 == 0)
                {
                    buffer.Insert((ushort)sequence, (uint)(sequence * Frame), Ssrc, Packets[sequence % Packets.Count], sequence * 20L);
                }

                buffer.Pop(pcm);
                sequence++;
            },
            iterations: 1000);
        Assert.True(buffer.Statistics.FecRecovered > 0);
    }

    internal static List<byte[]> EncodeTones(TimeSpan frameDuration, int count)
    {
        var options = new OpusEncoderOptions { FrameDuration = frameDuration, InbandForwardErrorCorrection = true, ExpectedPacketLossPercent = 10 };
        int samplesPerFrame = options.SamplesPerFrame;
        short[] low = AudioSimilarity.Sine(330, 48000, samplesPerFrame * count, 6000);
        short[] high = AudioSimilarity.Sine(1250, 48000, samplesPerFrame * count, 3000);
        var mixed = new short[low.Length];
        for (int i = 0; i < mixed.Length; i++)
        {
            mixed[i] = (short)(low[i] + high[i]);
        }

        return OpusAudioDecoderTests.Encode(mixed, options);
    }

    private static JitterBufferOptions MillisecondOptions() => new() { TimestampFrequency = 1000 };

    private static JitterBufferOptions Options(SimulatedNetwork network) => new() { TimestampFrequency = network.Clock.TimestampFrequency };

    private static void AddPacket(SimulatedNetwork network, int index, int arrivalMilliseconds) =>
        network.Add(TimeSpan.FromMilliseconds(arrivalMilliseconds), (ushort)(1000 + index), (uint)(77_000 + (index * Frame)), Packets[index], Ssrc);

    /// <summary>Runs the network until <paramref name="frames"/> frames have played after the initial buffering, and returns those.</summary>
    private static short[] Play(JitterBuffer buffer, SimulatedNetwork network, int frames, out JitterFrameKind[] kinds)
    {
        (short[] pcm, JitterFrameKind[] all) = network.Run(buffer, frames + 20, TimeSpan.FromMilliseconds(10));
        int start = Array.FindIndex(all, kind => kind != JitterFrameKind.Buffering);
        Assert.InRange(start, 0, 20);
        kinds = all[start..(start + frames)];
        return pcm[(start * Frame)..((start + frames) * Frame)];
    }

    private static JitterInsertResult Insert(JitterBuffer buffer, int index, long arrivalMilliseconds) =>
        buffer.Insert((ushort)(1000 + index), (uint)(77_000 + (index * Frame)), Ssrc, Packets[index], arrivalMilliseconds);

    private static short[] PopAll(JitterBuffer buffer, int frames, out JitterFrameKind[] kinds)
    {
        var pcm = new short[frames * Frame];
        kinds = new JitterFrameKind[frames];
        for (int i = 0; i < frames; i++)
        {
            kinds[i] = buffer.Pop(pcm.AsSpan(i * Frame, Frame));
        }

        return pcm;
    }

    private static short[] CleanDecode(int first, int count)
    {
        using var decoder = new OpusAudioDecoder();
        var pcm = new short[count * Frame];
        for (int i = 0; i < count; i++)
        {
            decoder.Decode(Packets[first + i], pcm.AsSpan(i * Frame, Frame));
        }

        return pcm;
    }
}
