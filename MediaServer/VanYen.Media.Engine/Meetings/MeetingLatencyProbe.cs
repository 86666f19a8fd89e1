namespace VanYen.Media.Engine.Meetings;

/// <summary>
/// Records, inside the server, how long a talker's packet waited from its arrival on the socket to the moment the
/// mixed packets that carry its audio were sent (jitter buffer, tick alignment, decode, mix, encode, send). Keeps the
/// last <see cref="Capacity"/> samples in a ring, written on the clock thread without allocation.
/// </summary>
public sealed class MeetingLatencyProbe
{
    private readonly long[] _samples;
    private long _count;

    /// <summary>Creates a probe keeping <paramref name="capacity"/> samples.</summary>
    public MeetingLatencyProbe(int capacity = 1 << 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _samples = new long[capacity];
    }

    /// <summary>How many samples the ring keeps.</summary>
    public int Capacity => _samples.Length;

    /// <summary>Samples recorded since the start (or <see cref="Clear"/>).</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Forgets the samples (e.g. after a warm-up).</summary>
    public void Clear() => Interlocked.Exchange(ref _count, 0);

    /// <summary>The latencies kept, in <see cref="TimeProvider"/> ticks of the bridge's clock, unsorted.</summary>
    public long[] Snapshot()
    {
        long count = Count;
        int length = (int)Math.Min(count, _samples.Length);
        return _samples.AsSpan(0, length).ToArray();
    }

    /// <summary>Records one latency (ticks); clock thread only.</summary>
    internal void Record(long ticks)
    {
        long index = _count;
        _samples[index % _samples.Length] = ticks;
        Interlocked.Exchange(ref _count, index + 1);
    }
}
