namespace VanYen.Media.Relay.Sources;

/// <summary>
/// A fixed ring of PCM frames between one writer (the decoding task) and one reader (the program bus):
/// the writer waits for a free slot, the reader never waits and allocates nothing.
/// </summary>
internal sealed class FrameRing : IDisposable
{
    private readonly short[][] _slots;
    private readonly SemaphoreSlim _space;
    private long _head;
    private long _tail;

    public FrameRing(int capacity, int frameLength)
    {
        _slots = new short[capacity][];
        for (int i = 0; i < capacity; i++)
        {
            _slots[i] = new short[frameLength];
        }

        _space = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>Frames ready to read.</summary>
    public int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    /// <summary>Writer: waits for a free slot and returns it to fill; then <see cref="Publish"/> or <see cref="Abandon"/>.</summary>
    public async ValueTask<short[]> WaitForSlotAsync(CancellationToken cancellationToken)
    {
        await _space.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _slots[_tail % _slots.Length];
    }

    /// <summary>Writer: makes the filled slot readable.</summary>
    public void Publish() => Volatile.Write(ref _tail, _tail + 1);

    /// <summary>Writer: gives back a slot that was not filled.</summary>
    public void Abandon() => _space.Release();

    /// <summary>Reader: copies the oldest frame into <paramref name="destination"/>; false when none is ready.</summary>
    public bool TryRead(Span<short> destination)
    {
        long head = _head;
        if (head == Volatile.Read(ref _tail))
        {
            return false;
        }

        _slots[head % _slots.Length].CopyTo(destination);
        Volatile.Write(ref _head, head + 1);
        _space.Release();
        return true;
    }

    public void Dispose() => _space.Dispose();
}
