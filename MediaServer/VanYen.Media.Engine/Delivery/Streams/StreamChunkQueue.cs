using System.Threading.Tasks.Sources;

namespace VanYen.Media.Engine.Delivery.Streams;

/// <summary>
/// The bounded hand-off between a producer that must never block (the media clock's thread, an encoder's reader)
/// and one consumer that writes to a slow network client: fixed slots preallocated once, copied into and out of.
/// </summary>
/// <remarks>
/// The queue is full when every slot holds a chunk or when the queued bytes reach the byte budget; a producer that
/// finds it full gets false (the caller then drops the client: it is too far behind) instead of waiting. The
/// consumer awaits <see cref="WaitAsync"/>, which completes on the thread pool, never on the producer's thread
/// (RunContinuationsAsynchronously), so the producer's thread never runs the network write. Nothing is allocated
/// per chunk: the waits reuse one <see cref="ManualResetValueTaskSourceCore{TResult}"/>.
/// </remarks>
internal sealed class StreamChunkQueue : IValueTaskSource<bool>
{
    private readonly Lock _lock = new();
    private readonly byte[][] _slots;
    private readonly int[] _lengths;
    private readonly int _byteBudget;
    private ManualResetValueTaskSourceCore<bool> _signal;
    private int _head;
    private int _count;
    private int _queuedBytes;
    private bool _waiting;
    private bool _completed;

    /// <summary>Creates a queue of <paramref name="slotCount"/> chunks of at most <paramref name="slotSize"/> bytes each, <paramref name="byteBudget"/> bytes in all.</summary>
    public StreamChunkQueue(int slotCount, int slotSize, int byteBudget = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotSize, 1);
        _slots = new byte[slotCount][];
        for (int i = 0; i < slotCount; i++)
        {
            _slots[i] = new byte[slotSize];
        }

        _lengths = new int[slotCount];
        _byteBudget = byteBudget;
        SlotSize = slotSize;
        _signal.RunContinuationsAsynchronously = true;
    }

    /// <summary>Largest chunk one slot holds.</summary>
    public int SlotSize { get; }

    /// <summary>Chunks waiting for the consumer.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>
    /// Copies <paramref name="chunk"/> (at most <see cref="SlotSize"/> bytes) into the next free slot; false when the
    /// queue is full or completed. Never blocks, allocates nothing.
    /// </summary>
    public bool TryEnqueue(ReadOnlySpan<byte> chunk)
    {
        bool wake;
        lock (_lock)
        {
            if (_completed || _count == _slots.Length || _queuedBytes + chunk.Length > _byteBudget || chunk.Length > SlotSize)
            {
                return false;
            }

            int index = (_head + _count) % _slots.Length;
            chunk.CopyTo(_slots[index]);
            _lengths[index] = chunk.Length;
            _count++;
            _queuedBytes += chunk.Length;
            wake = _waiting;
            _waiting = false;
        }

        if (wake)
        {
            _signal.SetResult(true);
        }

        return true;
    }

    /// <summary>Ends the queue: the consumer drains what is queued, then <see cref="WaitAsync"/> returns false.</summary>
    public void Complete()
    {
        bool wake;
        lock (_lock)
        {
            _completed = true;
            wake = _waiting;
            _waiting = false;
        }

        if (wake)
        {
            _signal.SetResult(false);
        }
    }

    /// <summary>
    /// Waits until a chunk is queued (true) or the queue is completed and empty (false). One consumer only; the
    /// token must not be cancelled while waiting; complete the queue instead to wake the consumer.
    /// </summary>
    public ValueTask<bool> WaitAsync()
    {
        lock (_lock)
        {
            if (_count > 0)
            {
                return new ValueTask<bool>(true);
            }

            if (_completed)
            {
                return new ValueTask<bool>(false);
            }

            _signal.Reset();
            _waiting = true;
            return new ValueTask<bool>(this, _signal.Version);
        }
    }

    /// <summary>Copies the oldest chunk into <paramref name="destination"/> and frees its slot; the number of bytes, or -1 when empty.</summary>
    public int TryDequeue(Span<byte> destination)
    {
        lock (_lock)
        {
            if (_count == 0)
            {
                return -1;
            }

            int length = _lengths[_head];
            _slots[_head].AsSpan(0, length).CopyTo(destination);
            _head = (_head + 1) % _slots.Length;
            _count--;
            _queuedBytes -= length;
            return length;
        }
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _signal.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _signal.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _signal.OnCompleted(continuation, state, token, flags);
}
