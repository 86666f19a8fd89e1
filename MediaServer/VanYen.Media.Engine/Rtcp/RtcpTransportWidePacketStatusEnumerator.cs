using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>
/// Walks the packet status chunks and receive deltas of a transport-wide CC feedback in step,
/// yielding (sequence, received, delta) per packet without allocating.
/// </summary>
public ref struct RtcpTransportWidePacketStatusEnumerator
{
    private readonly ReadOnlySpan<byte> _chunks;
    private readonly ReadOnlySpan<byte> _deltas;
    private int _chunkOffset;
    private int _deltaOffset;
    private int _remaining;
    private ushort _sequenceNumber;
    private ushort _chunk;
    private int _symbolIndex;
    private int _symbolsInChunk;
    private RtcpTransportWidePacketStatus _current;

    internal RtcpTransportWidePacketStatusEnumerator(ReadOnlySpan<byte> chunks, ReadOnlySpan<byte> deltas, ushort baseSequenceNumber, int packetStatusCount)
    {
        _chunks = chunks;
        _deltas = deltas;
        _chunkOffset = 0;
        _deltaOffset = 0;
        _remaining = packetStatusCount;
        _sequenceNumber = baseSequenceNumber;
        _chunk = 0;
        _symbolIndex = 0;
        _symbolsInChunk = 0;
        _current = default;
    }

    /// <summary>The status the last successful <see cref="MoveNext"/> stopped on.</summary>
    public readonly RtcpTransportWidePacketStatus Current => _current;

    /// <summary>Lets <c>foreach</c> use this enumerator directly.</summary>
    public readonly RtcpTransportWidePacketStatusEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next packet's status; false after the last (or on bytes that ran out).</summary>
    public bool MoveNext()
    {
        if (_remaining == 0)
        {
            return false;
        }

        while (_symbolIndex == _symbolsInChunk)
        {
            if (_chunks.Length - _chunkOffset < 2)
            {
                return Stop();
            }

            _chunk = BinaryPrimitives.ReadUInt16BigEndian(_chunks.Slice(_chunkOffset));
            _chunkOffset += 2;
            _symbolIndex = 0;
            _symbolsInChunk = SymbolsIn(_chunk);
        }

        int symbol = SymbolAt(_chunk, _symbolIndex++);
        int delta;
        switch (symbol)
        {
            case 0:
                delta = 0;
                break;
            case 1:
                if (_deltas.Length - _deltaOffset < 1)
                {
                    return Stop();
                }

                delta = _deltas[_deltaOffset];
                _deltaOffset += 1;
                break;
            case 2:
                if (_deltas.Length - _deltaOffset < 2)
                {
                    return Stop();
                }

                delta = BinaryPrimitives.ReadInt16BigEndian(_deltas.Slice(_deltaOffset));
                _deltaOffset += 2;
                break;
            default:
                return Stop();
        }

        _current = new RtcpTransportWidePacketStatus(_sequenceNumber, symbol != 0, delta);
        _sequenceNumber++;
        _remaining--;
        return true;
    }

    /// <summary>How many statuses a chunk describes (§3.1.3 run length: 13-bit run; §3.1.4 status vector: 14 or 7).</summary>
    internal static int SymbolsIn(ushort chunk)
    {
        if ((chunk & 0x8000) == 0)
        {
            return chunk & 0x1FFF;
        }

        return (chunk & 0x4000) == 0 ? 14 : 7;
    }

    /// <summary>
    /// The status symbol at <paramref name="index"/>: 0 not received, 1 small delta, 2 large or negative delta,
    /// 3 reserved (§3.1.1).
    /// </summary>
    internal static int SymbolAt(ushort chunk, int index)
    {
        if ((chunk & 0x8000) == 0)
        {
            return (chunk >> 13) & 0x3;
        }

        if ((chunk & 0x4000) == 0)
        {
            // One-bit symbols: 0 not received, 1 received with a small delta.
            return (chunk >> (13 - index)) & 0x1;
        }

        return (chunk >> (12 - (2 * index))) & 0x3;
    }

    private bool Stop()
    {
        _remaining = 0;
        return false;
    }
}
