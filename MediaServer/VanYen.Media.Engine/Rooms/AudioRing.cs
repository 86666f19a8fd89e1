namespace VanYen.Media.Engine.Rooms;

/// <summary>The most recent samples of a stream (a fixed-size ring): written by the clock thread, copied out by anyone.</summary>
internal sealed class AudioRing(int capacity)
{
    private readonly short[] _samples = new short[capacity];
    private readonly Lock _lock = new();
    private long _written;

    /// <summary>Appends <paramref name="samples"/>, overwriting the oldest when full.</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        lock (_lock)
        {
            foreach (short sample in samples)
            {
                _samples[(int)(_written++ % _samples.Length)] = sample;
            }
        }
    }

    /// <summary>A copy of what the ring holds, oldest first.</summary>
    public short[] Snapshot()
    {
        lock (_lock)
        {
            int count = (int)Math.Min(_written, _samples.Length);
            var copy = new short[count];
            long first = _written - count;
            for (int i = 0; i < count; i++)
            {
                copy[i] = _samples[(int)((first + i) % _samples.Length)];
            }

            return copy;
        }
    }
}
