using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Audio.Jitter;

namespace VanYen.Media.Engine.Tests.Audio.Jitter;

/// <summary>
/// Plays a schedule of packet arrivals into a <see cref="JitterBuffer"/> on a fake clock,
/// popping a 20 ms frame at every tick, as the mixer would.
/// </summary>
internal sealed class SimulatedNetwork
{
    private readonly List<Arrival> _arrivals = [];

    /// <summary>One packet reaching the receiver.</summary>
    public readonly record struct Arrival(TimeSpan At, ushort Sequence, uint Timestamp, uint Ssrc, byte[] Payload);

    /// <summary>The clock the arrival timestamps come from; give its frequency to the buffer's options.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UnixEpoch);

    /// <summary>Results of <see cref="JitterBuffer.Insert"/>, by kind.</summary>
    public Dictionary<JitterInsertResult, int> InsertResults { get; } = [];

    /// <summary>Adds a packet arriving at <paramref name="at"/> after the start.</summary>
    public void Add(TimeSpan at, ushort sequence, uint timestamp, byte[] payload, uint ssrc = 0x5EED) =>
        _arrivals.Add(new Arrival(at, sequence, timestamp, ssrc, payload));

    /// <summary>
    /// Runs <paramref name="ticks"/> 20 ms ticks, the first at <paramref name="firstTick"/>; at each, inserts
    /// every packet that has arrived (in arrival order, each stamped with its own arrival time), then pops.
    /// </summary>
    public (short[] Pcm, JitterFrameKind[] Kinds) Run(JitterBuffer buffer, int ticks, TimeSpan firstTick)
    {
        List<Arrival> ordered = [.. _arrivals.OrderBy(arrival => arrival.At)];
        var pcm = new short[ticks * JitterBuffer.FrameSamples];
        var kinds = new JitterFrameKind[ticks];
        DateTimeOffset start = Clock.GetUtcNow();
        int next = 0;
        for (int tick = 0; tick < ticks; tick++)
        {
            TimeSpan now = firstTick + TimeSpan.FromMilliseconds(20 * tick);
            while (next < ordered.Count && ordered[next].At <= now)
            {
                Arrival arrival = ordered[next++];
                AdvanceTo(start + arrival.At);
                JitterInsertResult result = buffer.Insert(arrival.Sequence, arrival.Timestamp, arrival.Ssrc, arrival.Payload, Clock.GetTimestamp());
                InsertResults[result] = InsertResults.GetValueOrDefault(result) + 1;
            }

            AdvanceTo(start + now);
            kinds[tick] = buffer.Pop(pcm.AsSpan(tick * JitterBuffer.FrameSamples, JitterBuffer.FrameSamples));
        }

        return (pcm, kinds);
    }

    private void AdvanceTo(DateTimeOffset time)
    {
        TimeSpan step = time - Clock.GetUtcNow();
        if (step > TimeSpan.Zero)
        {
            Clock.Advance(step);
        }
    }
}
