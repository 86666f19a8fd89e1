using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Jitter;

namespace VanYen.Media.Engine.Tests.Audio.Jitter;

/// <summary>
/// The fast shrink (<see cref="JitterBufferOptions.FastShrinkWindow"/>) and decoding below 48 kHz. Times are in
/// milliseconds (TimestampFrequency 1000): packet k arrives at 20k + offset, pop k runs at 20k + 20, so every packet
/// waits 20 - offset ms plus 20 ms per frame buffered ahead of it.
/// </summary>
public class JitterBufferFastShrinkTests
{
    private const int Frame = JitterBuffer.FrameSamples;
    private const uint Ssrc = 0x0BAD_CAFE;

    private static readonly Lazy<List<byte[]>> _packets = new(() => JitterBufferTests.EncodeTones(TimeSpan.FromMilliseconds(20), 400));

    private static List<byte[]> Packets => _packets.Value;

    [Fact]
    public void ASpareFrameIsDroppedWithinTwoSecondsOnACleanLink()
    {
        // Arriving 3 ms after a pop, a packet waits 17 ms for the next one; the 40 ms start adds a frame on top.
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(FastShrink(), decoder);
        double[] waits = Run(buffer, ticks: 250, arrivalOffset: _ => 3, givePopTimes: true, out int concealed);

        Assert.Equal(37, waits[5], precision: 6);
        Assert.All(waits[110..], wait => Assert.Equal(17, wait, precision: 6));
        Assert.Equal(0, concealed);
        Assert.Equal(1, buffer.Statistics.Skipped);
        Assert.Equal(0, buffer.Statistics.Late);
    }

    [Fact]
    public void WithoutPopTimesTheSpareFrameStays()
    {
        // The control: the same stream without pop times keeps the start's delay (the level rule's 30 ms band).
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(FastShrink(), decoder);
        double[] waits = Run(buffer, ticks: 250, arrivalOffset: _ => 3, givePopTimes: false, out _);

        Assert.All(waits[5..], wait => Assert.Equal(37, wait, precision: 6));
        Assert.Equal(0, buffer.Statistics.Skipped);
    }

    [Fact]
    public void AFrameIsKeptWhenDroppingItWouldLeaveNoMargin()
    {
        // Arriving 1 ms before the pop, a packet waits 21 ms: one frame earlier it would be 1 ms late.
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(FastShrink(), decoder);
        double[] waits = Run(buffer, ticks: 250, arrivalOffset: _ => 19, givePopTimes: true, out int concealed);

        Assert.All(waits[5..], wait => Assert.Equal(21, wait, precision: 6));
        Assert.Equal(0, buffer.Statistics.Skipped);
        Assert.Equal(0, concealed);
    }

    [Fact]
    public void AfterASpikeTheDelayComesBackDownOnceTheLinkIsCleanAgain()
    {
        // One packet 70 ms late at 1 s raises the target at once; 2 s of history later the spike is forgotten and the
        // spare frames go one per second. Without pop times the target would take tens of seconds.
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(FastShrink(), decoder);
        double[] waits = Run(buffer, ticks: 400, arrivalOffset: k => k == 50 ? 73 : 3, givePopTimes: true, out _);

        double deepest = waits[60..150].Max();
        Assert.True(deepest >= 57, $"the spike should have deepened the buffer: deepest wait {deepest} ms");
        Assert.All(waits[320..], wait => Assert.Equal(17, wait, precision: 6));
    }

    [Fact]
    public void AShrinkThatMakesPacketsLateIsTriedAgainOnlyAfterLongerAndLongerCalm()
    {
        // Every 3 s one packet comes 19 ms late: harmless with the spare frame, late without it. A 1 s window alone
        // would drop the frame again after every such packet; the backoff (2 s, then 4 s) stops that after two tries.
        using var decoder = new OpusAudioDecoder();
        var buffer = new JitterBuffer(FastShrink(), decoder);
        double[] waits = Run(buffer, ticks: 1500, arrivalOffset: k => k % 150 == 149 ? 22 : 3, givePopTimes: true, out int concealed);

        JitterBufferStatistics statistics = buffer.Statistics;
        Assert.InRange(statistics.Late, 1, 2);
        Assert.InRange(concealed, statistics.Late, 2 * statistics.Late); // each failed try: the lost frame, then one to grow back
        Assert.All(waits[1200..].Where(wait => !double.IsNaN(wait) && wait > 20), wait => Assert.InRange(wait, 36.5, 37.5));
    }

    [Fact]
    public void AtSixteenKilohertzFramesAre320SamplesAndMatchAPlainDecode()
    {
        using var decoder = new OpusAudioDecoder(16000, 1);
        var buffer = new JitterBuffer(SixteenKilohertz(), decoder);
        Assert.Equal(320, buffer.OutputFrameSamples);
        Assert.Throws<ArgumentException>(() => buffer.Pop(new short[Frame]));

        const int Frames = 40;
        short[] played = PlayAtSixteenKilohertz(buffer, Frames + 1, lost: -1, out JitterFrameKind[] kinds);

        using var reference = new OpusAudioDecoder(16000, 1);
        var expected = new short[Frames * 320];
        for (int i = 0; i < Frames; i++)
        {
            Assert.Equal(320, reference.Decode(Packets[i], expected.AsSpan(i * 320, 320)));
        }

        Assert.Equal(JitterFrameKind.Buffering, kinds[0]);
        Assert.All(kinds[1..], kind => Assert.Equal(JitterFrameKind.Decoded, kind));
        Assert.Equal(expected, played[320..]);
    }

    [Fact]
    public void AtSixteenKilohertzALostPacketIsRebuiltFromFecAndTheScheduleHolds()
    {
        using var decoder = new OpusAudioDecoder(16000, 1);
        var buffer = new JitterBuffer(SixteenKilohertz(), decoder);
        short[] played = PlayAtSixteenKilohertz(buffer, 12, lost: 5, out JitterFrameKind[] kinds);

        // Tick k plays packet k - 1: packet 5 is rebuilt from packet 6's FEC, the next frames play on schedule.
        Assert.Equal(JitterFrameKind.FecRecovered, kinds[6]);
        Assert.All(kinds[7..], kind => Assert.Equal(JitterFrameKind.Decoded, kind));
        Assert.Equal(1, buffer.Statistics.FecRecovered);
        Assert.Equal(10, buffer.Statistics.Played);

        using var reference = new OpusAudioDecoder(16000, 1);
        var clean = new short[320];
        reference.Decode(Packets[0], clean);
        Assert.Equal(clean, played[320..640]);
    }

    private static JitterBufferOptions SixteenKilohertz() => new() { TimestampFrequency = 1000, InitialDelay = TimeSpan.FromMilliseconds(40) };

    /// <summary>At tick k packet k arrives (unless it is <paramref name="lost"/>), then a 320-sample frame is popped.</summary>
    private static short[] PlayAtSixteenKilohertz(JitterBuffer buffer, int ticks, int lost, out JitterFrameKind[] kinds)
    {
        var played = new short[ticks * 320];
        kinds = new JitterFrameKind[ticks];
        for (int k = 0; k < ticks; k++)
        {
            if (k != lost)
            {
                buffer.Insert((ushort)k, (uint)(k * Frame), Ssrc, Packets[k], 20L * k);
            }

            kinds[k] = buffer.Pop(played.AsSpan(k * 320, 320), (20L * k) + 10);
        }

        return played;
    }

    private static JitterBufferOptions FastShrink() => new()
    {
        TimestampFrequency = 1000,
        InitialDelay = TimeSpan.FromMilliseconds(40),
        FastShrinkWindow = TimeSpan.FromSeconds(1),
    };

    /// <summary>Inserts packet k at 20k + offset(k) and pops at 20k + 20; returns how long each packet played had waited.</summary>
    private static double[] Run(JitterBuffer buffer, int ticks, Func<int, int> arrivalOffset, bool givePopTimes, out int concealed)
    {
        var pending = new SortedList<long, int>();
        var pcm = new short[Frame];
        var waits = new double[ticks];
        concealed = 0;
        for (int k = 0; k < ticks; k++)
        {
            pending.Add((20L * k) + arrivalOffset(k), k);
            long now = (20L * k) + 20;
            while (pending.Count > 0 && pending.Keys[0] <= now)
            {
                int index = pending.Values[0];
                buffer.Insert((ushort)index, (uint)(index * Frame), Ssrc, Packets[index % Packets.Count], pending.Keys[0]);
                pending.RemoveAt(0);
            }

            JitterFrameKind kind = givePopTimes ? buffer.Pop(pcm, now) : buffer.Pop(pcm);
            concealed += kind is JitterFrameKind.Concealed or JitterFrameKind.Silence ? 1 : 0;
            waits[k] = kind == JitterFrameKind.Decoded ? now - buffer.LastPlayedArrivalTimestamp : double.NaN;
        }

        return waits;
    }
}
