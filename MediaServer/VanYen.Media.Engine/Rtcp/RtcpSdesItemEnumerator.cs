namespace VanYen.Media.Engine.Rtcp;

/// <summary>Walks the items of one SDES chunk without allocating.</summary>
public ref struct RtcpSdesItemEnumerator
{
    private readonly ReadOnlySpan<byte> _items;
    private int _position;
    private RtcpSdesItem _current;

    internal RtcpSdesItemEnumerator(ReadOnlySpan<byte> items)
    {
        _items = items;
        _position = 0;
        _current = default;
    }

    /// <summary>The item the last successful <see cref="MoveNext"/> stopped on.</summary>
    public readonly RtcpSdesItem Current => _current;

    /// <summary>Lets <c>foreach</c> use this enumerator directly.</summary>
    public readonly RtcpSdesItemEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next item; false at the END item or the end of the chunk.</summary>
    public bool MoveNext()
    {
        if (_items.Length - _position < 2 || _items[_position] == (byte)RtcpSdesItemType.End)
        {
            return false;
        }

        int length = _items[_position + 1];
        int valueStart = _position + 2;
        if (length > _items.Length - valueStart)
        {
            _position = _items.Length;
            return false;
        }

        _current = new RtcpSdesItem((RtcpSdesItemType)_items[_position], _items.Slice(valueStart, length));
        _position = valueStart + length;
        return true;
    }
}
