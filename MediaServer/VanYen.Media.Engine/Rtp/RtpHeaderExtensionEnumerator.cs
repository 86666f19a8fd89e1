namespace VanYen.Media.Engine.Rtp;

/// <summary>
/// Walks the elements of an RFC 8285 header extension without allocating.
/// Padding bytes (0) are skipped; id 15 in the one-byte form ends the walk (RFC 8285 §4.2);
/// an element running past the block stops the walk and sets <see cref="IsMalformed"/>.
/// </summary>
public ref struct RtpHeaderExtensionEnumerator
{
    private const int OneByteReservedId = 15;

    private readonly ReadOnlySpan<byte> _elements;
    private readonly RtpHeaderExtensionForm _form;
    private int _position;
    private RtpHeaderExtension _current;

    /// <summary>Creates an enumerator over <paramref name="elements"/>, the extension data after its 4-byte header.</summary>
    public RtpHeaderExtensionEnumerator(ReadOnlySpan<byte> elements, RtpHeaderExtensionForm form)
    {
        _elements = elements;
        _form = form;
        _position = 0;
        _current = default;
        IsMalformed = false;
    }

    /// <summary>The element the last successful <see cref="MoveNext"/> stopped on.</summary>
    public readonly RtpHeaderExtension Current => _current;

    /// <summary>True when the walk stopped on an element that does not fit in the block.</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>Lets <c>foreach</c> use this enumerator directly.</summary>
    public readonly RtpHeaderExtensionEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next element; false at the end or on a malformed element.</summary>
    public bool MoveNext()
    {
        if (_form is not (RtpHeaderExtensionForm.OneByte or RtpHeaderExtensionForm.TwoByte))
        {
            return false;
        }

        while (_position < _elements.Length)
        {
            int start = _position;
            byte first = _elements[start];
            if (first == 0)
            {
                // RFC 8285 §4.1: padding bytes may sit between and after elements.
                _position++;
                continue;
            }

            int id;
            int dataStart;
            int length;
            if (_form == RtpHeaderExtensionForm.OneByte)
            {
                id = first >> 4;
                if (id == OneByteReservedId)
                {
                    // RFC 8285 §4.2: id 15 ends processing; the elements before it stand.
                    _position = _elements.Length;
                    return false;
                }

                if (id == 0)
                {
                    // Id 0 is reserved for padding and only valid as a whole zero byte.
                    return Fail();
                }

                length = (first & 0x0F) + 1;
                dataStart = start + 1;
            }
            else
            {
                if (start + 2 > _elements.Length)
                {
                    return Fail();
                }

                id = first;
                length = _elements[start + 1];
                dataStart = start + 2;
            }

            if (length > _elements.Length - dataStart)
            {
                return Fail();
            }

            _current = new RtpHeaderExtension(id, _elements.Slice(dataStart, length), start);
            _position = dataStart + length;
            return true;
        }

        return false;
    }

    /// <summary>True when every element of <paramref name="elements"/> fits inside it.</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> elements, RtpHeaderExtensionForm form)
    {
        var enumerator = new RtpHeaderExtensionEnumerator(elements, form);
        while (enumerator.MoveNext())
        {
        }

        return !enumerator.IsMalformed;
    }

    private bool Fail()
    {
        IsMalformed = true;
        _position = _elements.Length;
        _current = default;
        return false;
    }
}
