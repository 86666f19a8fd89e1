using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>
/// Enumerates the sequence numbers a generic NACK reports lost (RFC 4585 §6.2.1): each PID, then
/// PID + i + 1 for every bit i set in its BLP. No allocation.
/// </summary>
public ref struct RtcpNackLostSequenceEnumerator
{
    private readonly ReadOnlySpan<byte> _fci;
    private int _itemOffset;
    private int _bit;
    private ushort _packetId;
    private ushort _bitmask;
    private ushort _current;

    internal RtcpNackLostSequenceEnumerator(ReadOnlySpan<byte> fci)
    {
        _fci = fci;
        _itemOffset = -4;
        _bit = 16;
        _packetId = 0;
        _bitmask = 0;
        _current = 0;
    }

    /// <summary>The lost sequence number the last successful <see cref="MoveNext"/> stopped on.</summary>
    public readonly ushort Current => _current;

    /// <summary>Lets <c>foreach</c> use this enumerator directly.</summary>
    public readonly RtcpNackLostSequenceEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next lost sequence number.</summary>
    public bool MoveNext()
    {
        while (_bit < 16)
        {
            int bit = _bit++;
            if ((_bitmask & (1 << bit)) != 0)
            {
                _current = (ushort)(_packetId + bit + 1);
                return true;
            }
        }

        _itemOffset += 4;
        if (_fci.Length - _itemOffset < 4)
        {
            _itemOffset = _fci.Length;
            return false;
        }

        _packetId = BinaryPrimitives.ReadUInt16BigEndian(_fci.Slice(_itemOffset));
        _bitmask = BinaryPrimitives.ReadUInt16BigEndian(_fci.Slice(_itemOffset + 2));
        _bit = 0;
        _current = _packetId;
        return true;
    }
}
