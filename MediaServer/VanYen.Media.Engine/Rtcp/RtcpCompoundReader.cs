namespace VanYen.Media.Engine.Rtcp;

/// <summary>
/// Iterates the packets of a compound RTCP packet (RFC 3550 §6.1) without allocating.
/// A malformed packet ends the walk and sets <see cref="IsMalformed"/>; the packets before it stand.
/// </summary>
public ref struct RtcpCompoundReader
{
    private readonly ReadOnlySpan<byte> _compound;
    private int _position;
    private RtcpPacket _current;

    /// <summary>Creates a reader over <paramref name="compound"/> (SRTCP already removed).</summary>
    public RtcpCompoundReader(ReadOnlySpan<byte> compound)
    {
        _compound = compound;
        _position = 0;
        _current = default;
        IsMalformed = false;
    }

    /// <summary>The packet the last successful <see cref="MoveNext"/> stopped on.</summary>
    public readonly RtcpPacket Current => _current;

    /// <summary>True when the walk stopped on bytes that are not a valid RTCP packet.</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>Lets <c>foreach</c> use this reader directly.</summary>
    public readonly RtcpCompoundReader GetEnumerator() => this;

    /// <summary>Advances to the next packet; false at the end or on malformed bytes.</summary>
    public bool MoveNext()
    {
        if (_position >= _compound.Length)
        {
            return false;
        }

        if (!RtcpPacket.TryParse(_compound.Slice(_position), out _current, out int consumed))
        {
            IsMalformed = true;
            _position = _compound.Length;
            return false;
        }

        _position += consumed;
        return true;
    }

    /// <summary>True when every packet of <paramref name="compound"/> parses and they fill it exactly.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> compound)
    {
        var reader = new RtcpCompoundReader(compound);
        int count = 0;
        while (reader.MoveNext())
        {
            count++;
        }

        return count > 0 && !reader.IsMalformed;
    }
}
