namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// Reads SDP text into a <see cref="SessionDescription"/>: line shape and line order (RFC 8866 §5),
/// then each line's value. Attribute values are read in <c>SdpReader.Attributes.cs</c>.
/// </summary>
internal sealed partial class SdpReader
{
    // RFC 8866 §5: session lines come in the order v o s i u e p c b (t r)+ z k a, media lines m i c b k a.
    private const string SessionOrder = "vosiuepcbtrzka";
    private const string MediaOrder = "micbka";
    private const string SingleSessionLines = "vosiuczk";
    private const string SingleMediaLines = "mik";

    private readonly SessionDescription _description = new();
    private MediaDescription? _media;
    private int _mediaLineNumber;
    private int _rank = -1;
    private char _previousType;
    private int _lineNumber;

    private SdpReader()
    {
    }

    public static SessionDescription Read(string text)
    {
        var reader = new SdpReader();
        reader.ReadAll(text);
        return reader._description;
    }

    private void ReadAll(string text)
    {
        var lines = SplitLines(text);
        if (lines.Count == 0)
        {
            throw new SdpParseException(1, "the session description is empty");
        }

        for (int index = 0; index < lines.Count; index++)
        {
            _lineNumber = index + 1;
            ReadLine(index, lines[index]);
        }

        _lineNumber = lines.Count;
        if (lines.Count < 3)
        {
            throw Error(lines.Count == 1 ? "missing o= line after v=" : "missing s= line after o=");
        }

        if (_description.Timings.Count == 0)
        {
            throw Error("missing t= line (required before the first m= or a= line)");
        }
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            int length = end - start;
            if (length > 0 && text[end - 1] == '\r')
            {
                length--;
            }

            lines.Add(text.Substring(start, length));
            start = end + 1;
        }

        // A final line end (or a few) leaves empty lines at the end: they are not lines of the description.
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private void ReadLine(int index, string rawLine)
    {
        string line = rawLine.TrimEnd(' ', '\t');
        if (line.Length == 0)
        {
            throw Error("empty line");
        }

        foreach (char c in line)
        {
            if ((c < ' ' && c != '\t') || c == '\u007f')
            {
                throw Error($"control character U+{(int)c:X4} in line");
            }
        }

        if (line.Length < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z')
        {
            throw Error($"expected '<type>=<value>' with a lower-case letter type, found \"{Shorten(line)}\"");
        }

        char type = line[0];
        string value = line[2..];
        CheckOrder(index, type);

        if (_media is null)
        {
            ReadSessionLine(type, value);
        }
        else
        {
            ReadMediaLine(type, value);
        }
    }

    private void CheckOrder(int index, char type)
    {
        if (index < 3)
        {
            char expected = "vos"[index];
            if (type != expected)
            {
                string position = index switch { 0 => "first", 1 => "second", _ => "third" };
                throw Error($"expected the {position} line to be '{expected}=', found '{type}='");
            }
        }

        if (SessionOrder.IndexOf(type, StringComparison.Ordinal) < 0 && type != 'm')
        {
            throw Error($"unknown line type '{type}='");
        }

        if (index >= 3 && _media is null && type is 'v' or 'o' or 's')
        {
            throw Error($"duplicate '{type}=' line");
        }

        if (type == 'm')
        {
            if (_description.Timings.Count == 0)
            {
                throw Error("missing t= line before the first m= line");
            }

            _rank = 0;
            _previousType = type;
            return;
        }

        string order = _media is null ? SessionOrder : MediaOrder;
        string singles = _media is null ? SingleSessionLines : SingleMediaLines;
        int rank = order.IndexOf(type, StringComparison.Ordinal);
        if (rank < 0)
        {
            throw Error($"'{type}=' is not allowed inside a media section (the m= line {_mediaLineNumber} started it)");
        }

        // t and r alternate: "t r r t r" is one block in the order (RFC 8866 §5.10).
        if (type == 't' && _previousType == 'r')
        {
            rank = order.IndexOf('r', StringComparison.Ordinal);
        }

        if (rank < _rank)
        {
            throw Error($"'{type}=' line out of order: it must come before the '{_previousType}=' line");
        }

        if (rank == _rank && type == _previousType && singles.Contains(type, StringComparison.Ordinal))
        {
            throw Error($"duplicate '{type}=' line");
        }

        if (type == 'r' && _previousType is not ('t' or 'r'))
        {
            throw Error("'r=' must follow a 't=' line");
        }

        if (_media is null && rank > SessionOrder.IndexOf('r', StringComparison.Ordinal) && _description.Timings.Count == 0)
        {
            throw Error($"missing t= line before '{type}='");
        }

        _rank = rank;
        _previousType = type;
    }

    private void ReadSessionLine(char type, string value)
    {
        var description = _description;
        switch (type)
        {
            case 'v':
                if (value != "0")
                {
                    throw Error($"unsupported SDP version '{Shorten(value)}' (only v=0 exists)");
                }

                description.Version = 0;
                break;
            case 'o':
                description.Origin = ReadOrigin(value);
                break;
            case 's':
                description.SessionName = value;
                break;
            case 'i':
                description.SessionInformation = value;
                break;
            case 'u':
                description.Uri = value;
                break;
            case 'e':
                description.Emails.Add(value);
                break;
            case 'p':
                description.Phones.Add(value);
                break;
            case 'c':
                description.Connection = ReadConnection(value);
                break;
            case 'b':
                description.Bandwidths.Add(RequireValue(value, "b="));
                break;
            case 't':
                description.Timings.Add(ReadTiming(value));
                break;
            case 'r':
                description.Timings[^1].RepeatTimes.Add(RequireValue(value, "r="));
                break;
            case 'z':
                description.TimeZones = RequireValue(value, "z=");
                break;
            case 'k':
                description.EncryptionKey = value;
                break;
            case 'a':
                ReadSessionAttribute(value);
                break;
            case 'm':
                StartMedia(value);
                break;
            default:
                throw Error($"unknown line type '{type}='");
        }
    }

    private void ReadMediaLine(char type, string value)
    {
        var media = _media!;
        switch (type)
        {
            case 'm':
                StartMedia(value);
                break;
            case 'i':
                media.Title = value;
                break;
            case 'c':
                media.Connections.Add(ReadConnection(value));
                break;
            case 'b':
                media.Bandwidths.Add(RequireValue(value, "b="));
                break;
            case 'k':
                media.EncryptionKey = value;
                break;
            case 'a':
                ReadMediaAttribute(media, value);
                break;
            default:
                throw Error($"'{type}=' is not allowed inside a media section");
        }
    }

    private SdpOrigin ReadOrigin(string value)
    {
        string[] fields = Tokens(value);
        if (fields.Length != 6)
        {
            throw Error($"o= needs 6 fields (username sess-id sess-version nettype addrtype address), found {fields.Length}");
        }

        if (!IsDigits(fields[1]))
        {
            throw Error($"o= session id '{Shorten(fields[1])}' is not a number");
        }

        ulong version = ReadUInt64(fields[2], "o= session version");
        return new SdpOrigin(fields[0], fields[1], version, fields[3], fields[4], fields[5]);
    }

    private SdpConnection ReadConnection(string value)
    {
        string[] fields = Tokens(value);
        if (fields.Length != 3)
        {
            throw Error($"c= needs 3 fields (nettype addrtype address), found {fields.Length}");
        }

        return new SdpConnection(fields[0], fields[1], fields[2]);
    }

    private SdpTiming ReadTiming(string value)
    {
        string[] fields = Tokens(value);
        if (fields.Length != 2)
        {
            throw Error($"t= needs 2 fields (start stop), found {fields.Length}");
        }

        return new SdpTiming
        {
            StartTime = ReadUInt64(fields[0], "t= start time"),
            StopTime = ReadUInt64(fields[1], "t= stop time"),
        };
    }

    private void StartMedia(string value)
    {
        string[] fields = Tokens(value);
        if (fields.Length < 4)
        {
            throw Error("m= needs media, port, protocol and at least one format");
        }

        var media = new MediaDescription { MediaType = fields[0], Protocol = fields[2] };
        string port = fields[1];
        int slash = port.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            media.PortCount = ReadInt(port[(slash + 1)..], "m= port count", 1, 65535);
            port = port[..slash];
        }

        media.Port = ReadInt(port, "m= port", 0, 65535);
        for (int i = 3; i < fields.Length; i++)
        {
            if (media.IsRtp)
            {
                ReadInt(fields[i], "m= payload type", 0, 127);
            }

            media.Formats.Add(fields[i]);
        }

        _description.Media.Add(media);
        _media = media;
        _mediaLineNumber = _lineNumber;
    }

    private SdpParseException Error(string reason) => new(_lineNumber, reason);

    private string RequireValue(string value, string what)
    {
        if (value.Length == 0)
        {
            throw Error($"{what} needs a value");
        }

        return value;
    }

    private static string[] Tokens(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private ulong ReadUInt64(string text, string what)
    {
        // 20 digits can still overflow; ulong.TryParse catches that.
        if (!IsDigits(text) || text.Length > 20
            || !ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong number))
        {
            throw Error($"{what} '{Shorten(text)}' is not a number");
        }

        return number;
    }

    private int ReadInt(string text, string what, int minimum, int maximum)
    {
        if (!IsDigits(text))
        {
            throw Error($"{what} '{Shorten(text)}' is not a number");
        }

        if (text.Length > 10 || !long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long number)
            || number < minimum || number > maximum)
        {
            throw Error($"{what} '{Shorten(text)}' is out of range {minimum}-{maximum}");
        }

        return (int)number;
    }

    private uint ReadUInt32(string text, string what)
    {
        ulong number = ReadUInt64(text, what);
        if (number > uint.MaxValue)
        {
            throw Error($"{what} '{Shorten(text)}' is larger than 4294967295");
        }

        return (uint)number;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
