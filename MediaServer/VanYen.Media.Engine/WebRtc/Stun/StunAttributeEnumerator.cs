using System.Buffers.Binary;

namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>
/// Walks the attributes of a message that <see cref="StunMessage.TryParse"/> accepted, in wire order,
/// including MESSAGE-INTEGRITY and FINGERPRINT. Use it in a <c>foreach</c>; it allocates nothing.
/// </summary>
public ref struct StunAttributeEnumerator
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly int _end;
    private int _nextOffset;
    private StunAttribute _current;

    internal StunAttributeEnumerator(ReadOnlySpan<byte> message, int end)
    {
        _message = message;
        _end = end;
        _nextOffset = StunMessage.HeaderLength;
        _current = default;
    }

    /// <summary>The attribute at the current position.</summary>
    public readonly StunAttribute Current => _current;

    /// <summary>Returns this enumerator, so that a <c>foreach</c> can use it.</summary>
    public readonly StunAttributeEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next attribute; false after the last one.</summary>
    public bool MoveNext()
    {
        int offset = _nextOffset;
        // TryParse has checked that every attribute, padding included, fits in the message.
        if (_end - offset < StunMessage.AttributeHeaderLength)
        {
            return false;
        }

        ushort type = BinaryPrimitives.ReadUInt16BigEndian(_message.Slice(offset));
        int valueLength = BinaryPrimitives.ReadUInt16BigEndian(_message.Slice(offset + 2));
        _current = new StunAttribute(type, _message.Slice(offset + StunMessage.AttributeHeaderLength, valueLength), offset);
        _nextOffset = offset + StunMessage.AttributeHeaderLength + StunMessage.Padded(valueLength);
        return true;
    }
}
