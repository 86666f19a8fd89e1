namespace VanYen.Media.Engine.Forwarding;

/// <summary>
/// The last <c>capacity</c> packets of one published stream, by source sequence number, to answer NACKs
/// (RFC 4585 §6.2.1): one preallocated buffer, a packet's slot is its sequence number modulo the capacity.
/// Read and write under <see cref="SyncRoot"/>; no allocation after construction.
/// </summary>
internal sealed class RtpPacketCache
{
    private readonly byte[] _buffer;
    private readonly int[] _lengths;
    private readonly ushort[] _sequenceNumbers;
    private readonly uint[] _ssrcs;
    private readonly int _mask;
    private readonly int _slotLength;

    public RtpPacketCache(int capacity, int maxPacketLength)
    {
        if (capacity < 16 || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The packet cache size must be a power of two of at least 16.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxPacketLength, 64);
        _buffer = new byte[capacity * maxPacketLength];
        _lengths = new int[capacity];
        _sequenceNumbers = new ushort[capacity];
        _ssrcs = new uint[capacity];
        _mask = capacity - 1;
        _slotLength = maxPacketLength;
    }

    /// <summary>The lock of every read and write.</summary>
    public Lock SyncRoot { get; } = new();

    /// <summary>Packets the cache can hold.</summary>
    public int Capacity => _mask + 1;

    /// <summary>Keeps a copy of <paramref name="packet"/>; false (not kept) when it is longer than a slot. Under <see cref="SyncRoot"/>.</summary>
    public bool Store(ReadOnlySpan<byte> packet, uint ssrc, ushort sequenceNumber)
    {
        int slot = sequenceNumber & _mask;
        if (packet.Length > _slotLength)
        {
            _lengths[slot] = 0;
            return false;
        }

        packet.CopyTo(_buffer.AsSpan(slot * _slotLength, _slotLength));
        _lengths[slot] = packet.Length;
        _sequenceNumbers[slot] = sequenceNumber;
        _ssrcs[slot] = ssrc;
        return true;
    }

    /// <summary>The packet <paramref name="sequenceNumber"/> of <paramref name="ssrc"/> if still kept. Under <see cref="SyncRoot"/>; the span is valid until the lock is released.</summary>
    public bool TryGet(uint ssrc, ushort sequenceNumber, out ReadOnlySpan<byte> packet)
    {
        int slot = sequenceNumber & _mask;
        if (_lengths[slot] == 0 || _sequenceNumbers[slot] != sequenceNumber || _ssrcs[slot] != ssrc)
        {
            packet = default;
            return false;
        }

        packet = _buffer.AsSpan(slot * _slotLength, _lengths[slot]);
        return true;
    }
}
