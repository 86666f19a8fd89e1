namespace VanYen.Media.Engine.Net;

/// <summary>
/// A fixed set of equal packet buffers cut from one pinned slab, rented and
/// returned without allocation from any number of threads. It never grows:
/// when every slot is out, <see cref="TryRent"/> returns false and the caller
/// drops the packet (counted in <see cref="ExhaustedCount"/>).
/// </summary>
/// <remarks>
/// Free slots form a lock-free LIFO stack (a recently returned slot is still in cache)
/// threaded through <c>_next</c>. The head packs a version with the top index so a
/// compare-and-swap cannot succeed on a head that was popped and pushed back in between (ABA).
/// Each slot carries a token, odd while rented, so a second return of the same handle is caught.
/// </remarks>
public sealed class PacketBufferPool
{
    /// <summary>Default slot size: above a 1500-byte Ethernet MTU with room for SRTP trailers and TURN framing.</summary>
    public const int DefaultSlotSize = 2048;

    /// <summary>Largest slot: the largest UDP payload fits in 65,536 bytes.</summary>
    public const int MaxSlotSize = 65_536;

    /// <summary>Most slots one pool may hold.</summary>
    public const int MaxSlotCount = 262_144;

    /// <summary>Largest slab, 512 MiB, so a configuration mistake fails at start-up, not as memory pressure.</summary>
    public const long MaxTotalBytes = 512L * 1024 * 1024;

    private const int EmptyIndex = -1;

    private readonly byte[] _slab;
    private readonly int[] _next;
    private readonly int[] _tokens;
    private long _head;
    private long _exhaustedCount;

    /// <summary>Creates a pool of <paramref name="slotCount"/> slots of <paramref name="slotSize"/> bytes each, all in one pinned array.</summary>
    public PacketBufferPool(int slotCount, int slotSize = DefaultSlotSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slotCount, MaxSlotCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slotSize, MaxSlotSize);
        if ((long)slotCount * slotSize > MaxTotalBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(slotCount), slotCount, $"slotCount × slotSize must not exceed {MaxTotalBytes} bytes.");
        }

        SlotCount = slotCount;
        SlotSize = slotSize;
        // Pinned so sockets and native code can use the memory without pinning per I/O, and the GC never moves it.
        _slab = GC.AllocateUninitializedArray<byte>(slotCount * slotSize, pinned: true);
        _next = new int[slotCount];
        _tokens = new int[slotCount];
        for (int i = 0; i < slotCount; i++)
        {
            _next[i] = i + 1 < slotCount ? i + 1 : EmptyIndex;
        }

        _head = Pack(version: 0, index: 0);
    }

    /// <summary>Number of slots.</summary>
    public int SlotCount { get; }

    /// <summary>Bytes per slot; the largest datagram a slot can hold.</summary>
    public int SlotSize { get; }

    /// <summary>Slots not rented right now: a snapshot, counted on demand (for tests and health checks, not per packet).</summary>
    public int Available
    {
        get
        {
            // Counted from the tokens rather than kept in a shared counter, which would cost two more
            // interlocked operations per rent and return.
            int available = 0;
            for (int i = 0; i < _tokens.Length; i++)
            {
                if ((Volatile.Read(ref _tokens[i]) & 1) == 0)
                {
                    available++;
                }
            }

            return available;
        }
    }

    /// <summary>How many times <see cref="TryRent"/> found no free slot.</summary>
    public long ExhaustedCount => Interlocked.Read(ref _exhaustedCount);

    /// <summary>Rents a slot covering <see cref="SlotSize"/> bytes, or returns false (and counts it) when all are out.</summary>
    public bool TryRent(out PacketBuffer buffer)
    {
        long head = Volatile.Read(ref _head);
        while (true)
        {
            int index = (int)head;
            if (index == EmptyIndex)
            {
                Interlocked.Increment(ref _exhaustedCount);
                buffer = default;
                return false;
            }

            // _next[index] may be stale if another thread took and gave back this slot meanwhile;
            // the version in the head then differs and the exchange fails.
            int next = Volatile.Read(ref _next[index]);
            long replacement = Pack(Version(head) + 1, next);
            long seen = Interlocked.CompareExchange(ref _head, replacement, head);
            if (seen == head)
            {
                // The slot is ours alone now; odd token = rented.
                int token = _tokens[index] + 1;
                Volatile.Write(ref _tokens[index], token);
                buffer = new PacketBuffer(this, index, token, SlotSize);
                return true;
            }

            head = seen;
        }
    }

    /// <summary>Gives a rented slot back. Throws when the handle is not from this pool or was already returned.</summary>
    public void Return(PacketBuffer buffer)
    {
        if (!buffer.IsAllocated || !ReferenceEquals(buffer.Pool, this))
        {
            throw new ArgumentException("The buffer was not rented from this pool.", nameof(buffer));
        }

        int index = buffer.Slot;
        if (Interlocked.CompareExchange(ref _tokens[index], buffer.Token + 1, buffer.Token) != buffer.Token)
        {
            ThrowAlreadyReturned();
        }

        long head = Volatile.Read(ref _head);
        while (true)
        {
            Volatile.Write(ref _next[index], (int)head);
            long replacement = Pack(Version(head) + 1, index);
            long seen = Interlocked.CompareExchange(ref _head, replacement, head);
            if (seen == head)
            {
                return;
            }

            head = seen;
        }
    }

    internal Memory<byte> SlotMemory(int slot, int length) => new(_slab, slot * SlotSize, length);

    private static long Pack(int version, int index) => ((long)version << 32) | (uint)index;

    private static int Version(long head) => (int)(head >> 32);

    private static void ThrowAlreadyReturned() =>
        throw new InvalidOperationException("The packet buffer was already returned to its pool.");
}
