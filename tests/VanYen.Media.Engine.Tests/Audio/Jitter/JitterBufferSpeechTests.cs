using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Engine.Tests.Audio.Codec;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Audio.Jitter;

/// <summary>
/// Vietnamese speech (espeak-ng, ffmpeg) through Opus with in-band FEC, a lossy, jittery,
/// reordering, duplicating network (seeded), and the jitter buffer on a fake clock; what comes
/// out is compared with the loss-free decode.
/// </summary>
public class JitterBufferSpeechTests(ITestOutputHelper output)
{
    private const int Frame = JitterBuffer.FrameSamples;

    [Fact]
    public void SpeechThroughALossyJitteryNetworkStaysCloseToTheCleanDecode()
    {
        short[] speech = SpeechSample.Announcement;
        var encoderOptions = new OpusEncoderOptions { InbandForwardErrorCorrection = true, ExpectedPacketLossPercent = 10 };
        List<byte[]> packets = OpusAudioDecoderTests.Encode(speech, encoderOptions);
        short[] clean = DecodeWithoutLoss(packets);

        var random = new Random(20240917);
        var network = new SimulatedNetwork();
        const ushort FirstSequence = 65_400;
        const uint FirstTimestamp = 4_294_000_000;
        int lost = 0;
        int reordered = 0;
        int duplicated = 0;
        for (int i = 0; i < packets.Count; i++)
        {
            if (random.NextDouble() < 0.10)
            {
                lost++;
                continue;
            }

            // 20 ms base delay plus up to 40 ms of jitter; 10 % are held back 1–3 frames more (reordering).
            double delay = 20 + (random.NextDouble() * 40);
            if (random.NextDouble() < 0.10)
            {
                delay += 20 * random.Next(1, 4);
                reordered++;
            }

            var sequence = (ushort)(FirstSequence + i);
            uint timestamp = FirstTimestamp + (uint)(i * Frame);
            TimeSpan sent = TimeSpan.FromMilliseconds(i * 20);
            network.Add(sent + TimeSpan.FromMilliseconds(delay), sequence, timestamp, packets[i]);
            if (random.NextDouble() < 0.05)
            {
                network.Add(sent + TimeSpan.FromMilliseconds(delay + (random.NextDouble() * 30)), sequence, timestamp, packets[i]);
                duplicated++;
            }
        }

        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(new JitterBufferOptions { TimestampFrequency = network.Clock.TimestampFrequency }, decoder);
        (short[] pcm, JitterFrameKind[] kinds) = network.Run(buffer, packets.Count + 30, TimeSpan.FromMilliseconds(7));

        int start = Array.FindIndex(kinds, kind => kind != JitterFrameKind.Buffering);
        short[] played = pcm[(start * Frame)..];
        (double correlation, int lag) = AudioSimilarity.BestNormalizedCrossCorrelation(clean, played, maxLag: 200 * 48);
        double segmental = AudioSimilarity.SegmentalCorrelation(clean, played, windowLength: 500 * 48, maxLag: 200 * 48);
        JitterBufferStatistics statistics = buffer.Statistics;
        output.WriteLine($"{packets.Count} packets ({speech.Length / 48} ms): lost {lost}, reordered {reordered}, duplicated {duplicated}");
        output.WriteLine($"playout started after {start * 20} ms");
        output.WriteLine($"correlation with the clean decode: {correlation:F4} at one best lag ({lag / 48.0:F1} ms), {segmental:F4} per 500 ms window at each window's best lag");
        output.WriteLine(statistics.ToString());
        output.WriteLine(string.Concat(kinds.Select(kind => kind.ToString()[0])));

        // Content: with 10 % loss, a frame rebuilt from FEC correlates ~0.95 with the original and a
        // concealed one ~0.55 (OpusAudioDecoderTests), so a perfect buffer scores ~0.9–0.95 per window;
        // 0.75 leaves room for late packets, the frames inserted to grow the delay, and the windows
        // that straddle such a step. Misordered, misaligned or dropped frames fall far below.
        Assert.True(segmental > 0.75, $"segmental correlation {segmental:F4}");

        // Alignment: one global lag only covers the audio between the buffer's 20 ms delay steps
        // (each growth of the target inserts a frame), so it is lower; above 0.4 means the steps are
        // few and the longest aligned stretch is most of the sentence.
        Assert.True(correlation > 0.4, $"correlation {correlation:F4}");
        Assert.InRange(statistics.Expanded + statistics.Skipped, 0, 5);

        Assert.InRange(statistics.FecRecovered, lost / 2, lost);
        Assert.InRange(statistics.Concealed, 1, lost + 20);
        Assert.Equal(duplicated, statistics.Duplicates);
        Assert.InRange(statistics.Late, 0, reordered);
        Assert.Equal(0, statistics.Resets);
        Assert.InRange(statistics.Played, packets.Count - lost - statistics.Late - statistics.Skipped, packets.Count - lost);
    }

    private static short[] DecodeWithoutLoss(List<byte[]> packets)
    {
        using var decoder = new OpusAudioDecoder();
        var pcm = new short[packets.Count * Frame];
        for (int i = 0; i < packets.Count; i++)
        {
            decoder.Decode(packets[i], pcm.AsSpan(i * Frame, Frame));
        }

        return pcm;
    }
}
