using System.Net;

namespace VanYen.Media.Engine.Net;

/// <summary>
/// Datagrams waiting to be sent together by an <see cref="IBatchPacketTransport"/>: a fixed number of slots in one
/// pinned array, each with its destination and, after <see cref="IBatchPacketTransport.SendBatch"/>, its outcome.
/// Write a datagram straight into <see cref="NextSlot"/> (e.g. SRTP-protect into it) and <see cref="Add"/> it.
/// </summary>
/// <remarks>
/// Allocate one per sending thread and reuse it: filling, sending and clearing allocate nothing. Not thread-safe.
/// </remarks>
public sealed class PacketSendBatch
{
    /// <summary>Default number of datagrams per batch: 64 × 1 500 bytes stays within the L2 cache while SRTP writes them.</summary>
    public const int DefaultCapacity = 64;

    /// <summary>Default slot size: a 1 500-byte Ethernet MTU.</summary>
    public const int DefaultSlotSize = 1500;

    /// <summary>Most datagrams per batch: Linux caps one <c>sendmmsg</c> at UIO_MAXIOV (1 024) messages.</summary>
    public const int MaxCapacity = 1024;

    private readonly byte[] _slab;
    private readonly int[] _lengths;
    private readonly SocketAddress?[] _remotes;
    private readonly bool[] _sent;
    private int _count;

    /// <summary>Creates a batch of <paramref name="capacity"/> slots of <paramref name="slotSize"/> bytes.</summary>
    public PacketSendBatch(int capacity = DefaultCapacity, int slotSize = DefaultSlotSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slotSize, PacketBufferPool.MaxSlotSize);
        Capacity = capacity;
        SlotSize = slotSize;
        // Pinned so the kernel can read the datagrams in place (iovec pointers computed once).
        _slab = GC.AllocateUninitializedArray<byte>(capacity * slotSize, pinned: true);
        _lengths = new int[capacity];
        _remotes = new SocketAddress?[capacity];
        _sent = new bool[capacity];
    }

    /// <summary>Most datagrams the batch holds.</summary>
    public int Capacity { get; }

    /// <summary>Largest datagram a slot holds.</summary>
    public int SlotSize { get; }

    /// <summary>Datagrams added since the last <see cref="Clear"/>.</summary>
    public int Count => _count;

    /// <summary>True when no slot is left; send the batch.</summary>
    public bool IsFull => _count == Capacity;

    /// <summary>The free slot the next <see cref="Add"/> commits (all <see cref="SlotSize"/> bytes). Throws when full.</summary>
    public Span<byte> NextSlot
    {
        get
        {
            if (_count == Capacity)
            {
                ThrowFull();
            }

            return _slab.AsSpan(_count * SlotSize, SlotSize);
        }
    }

    /// <summary>Platform state of the transport that sends this batch (the Linux message vector), made at its first send.</summary>
    internal object? TransportState { get; set; }

    internal byte[] Slab => _slab;

    /// <summary>Commits the first <paramref name="length"/> bytes written into <see cref="NextSlot"/>, to be sent to <paramref name="remote"/>.</summary>
    public void Add(int length, SocketAddress remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, SlotSize);
        if (_count == Capacity)
        {
            ThrowFull();
        }

        _lengths[_count] = length;
        _remotes[_count] = remote;
        _sent[_count] = false;
        _count++;
    }

    /// <summary>Copies <paramref name="datagram"/> into the next slot; false when the batch is full or the datagram longer than a slot.</summary>
    public bool TryAdd(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (_count == Capacity || datagram.Length > SlotSize)
        {
            return false;
        }

        datagram.CopyTo(_slab.AsSpan(_count * SlotSize));
        Add(datagram.Length, remote);
        return true;
    }

    /// <summary>The datagram in slot <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> GetDatagram(int index)
    {
        CheckIndex(index);
        return _slab.AsSpan(index * SlotSize, _lengths[index]);
    }

    /// <summary>Where the datagram in slot <paramref name="index"/> goes.</summary>
    public SocketAddress GetRemote(int index)
    {
        CheckIndex(index);
        return _remotes[index]!;
    }

    /// <summary>True when the last <see cref="IBatchPacketTransport.SendBatch"/> sent the datagram in slot <paramref name="index"/>.</summary>
    public bool WasSent(int index)
    {
        CheckIndex(index);
        return _sent[index];
    }

    /// <summary>Empties the batch (and lets go of the destinations).</summary>
    public void Clear()
    {
        Array.Clear(_remotes, 0, _count);
        _count = 0;
    }

    internal int GetLength(int index) => _lengths[index];

    internal void MarkSent(int index) => _sent[index] = true;

    private static void ThrowFull() => throw new InvalidOperationException("The batch is full; send and clear it first.");

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "No datagram in that slot.");
        }
    }
}
