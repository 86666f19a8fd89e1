using System.Buffers;

namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>
/// Reads an Ogg Opus stream (RFC 7845 over RFC 3533 pages) from a <see cref="Stream"/>: <see cref="Open"/>
/// checks the OpusHead and OpusTags headers, then <see cref="TryReadPacket"/> returns the audio packets one by one.
/// </summary>
/// <remarks>
/// Pages of other logical streams are skipped; packets continued across pages are reassembled. After the
/// headers, damage is survived: a page whose CRC fails is counted and skipped (reading resumes at the next
/// capture pattern), a gap in page sequence numbers is counted, and a packet that lost a piece is dropped
/// and counted. Reading stops at the EOS page. Buffers are reused: no allocation per packet.
/// Not thread-safe.
/// </remarks>
public sealed partial class OggOpusReader : IDisposable
{
    /// <summary>Largest header packet accepted; OpusTags can carry cover art, so this is generous.</summary>
    private const int MaxHeaderPacketLength = 16 * 1024 * 1024;

    /// <summary>Largest audio packet accepted: well above 120 ms of 1275-byte frames (RFC 6716 §3.2.5).</summary>
    private const int MaxAudioPacketLength = 256 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private int _maxPacketLength = MaxHeaderPacketLength;
    private bool _readingHeaders = true;

    private OggOpusReader(Stream stream, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(2 * OggPage.MaxPageLength);
    }

    /// <summary>The identification header.</summary>
    public OpusHead Head { get; private set; } = null!;

    /// <summary>The comment header: vendor string and user comments.</summary>
    public OpusTags Tags { get; private set; } = null!;

    /// <summary>Serial number of the Opus logical stream being read.</summary>
    public uint SerialNumber { get; private set; }

    /// <summary>Output channels (from the OpusHead).</summary>
    public int ChannelCount => Head.ChannelCount;

    /// <summary>48 kHz samples to discard from the start of the decoded output (from the OpusHead).</summary>
    public int PreSkip => Head.PreSkip;

    /// <summary>Original input sample rate, for information (from the OpusHead).</summary>
    public uint InputSampleRate => Head.InputSampleRate;

    /// <summary>Output gain in Q7.8 dB (from the OpusHead).</summary>
    public short OutputGain => Head.OutputGain;

    /// <summary>Encoder vendor string (from the OpusTags).</summary>
    public string Vendor => Tags.Vendor;

    /// <summary>User comments (from the OpusTags).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Comments => Tags.Comments;

    /// <summary>Damaged stretches skipped: pages whose CRC failed, garbage between pages, a truncated last page.</summary>
    public long CorruptPageCount { get; private set; }

    /// <summary>Times the page sequence number jumped (pages of this stream were lost).</summary>
    public long SequenceGapCount { get; private set; }

    /// <summary>Packets dropped because a piece was lost or they exceeded the size limit.</summary>
    public long DroppedPacketCount { get; private set; }

    /// <summary>Pages of other logical streams that were skipped.</summary>
    public long OtherStreamPageCount { get; private set; }

    /// <summary>True once the EOS page of the stream has been read.</summary>
    public bool IsEndOfStream { get; private set; }

    /// <summary>Opens an Ogg Opus stream and reads its two headers.</summary>
    /// <param name="stream">A readable stream positioned at the first page.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open when the reader is disposed.</param>
    /// <exception cref="InvalidDataException">The stream is not Ogg Opus or its headers are damaged; the message says what is wrong.</exception>
    public static OggOpusReader Open(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new OggOpusReader(stream, leaveOpen);
        try
        {
            reader.ReadHeaders();
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Returns the next audio packet and its granule position: the 48 kHz sample position at the end of the
    /// packet (RFC 7845 §4), derived from the granule of the page the packet completes on.
    /// The packet's memory is reused: it is valid until the next call.
    /// </summary>
    /// <returns>False at the end of the stream (EOS page, or no more data).</returns>
    public bool TryReadPacket(out ReadOnlyMemory<byte> packet, out long granulePosition)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        return TryReadNextPacket(out packet, out granulePosition);
    }

    /// <summary>Returns the pooled buffers and disposes the stream unless told to leave it open.</summary>
    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length != 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }

    private void ReadHeaders()
    {
        // RFC 7845 §3 and RFC 3533 §4: every BOS page comes first; the Opus stream's BOS page holds the OpusHead alone.
        while (true)
        {
            if (!TryReadPage(out OggPageHeader header))
            {
                throw new InvalidDataException(_bufferEnd == 0 && _consumedBeforeBuffer == 0
                    ? "The stream is empty: no Ogg page found."
                    : "The stream ended before an Opus identification header (OpusHead) was found.");
            }

            if (!header.IsBeginningOfStream)
            {
                throw new InvalidDataException("No Opus identification header (OpusHead): the BOS pages at the start of the stream carry no Opus stream.");
            }

            ReadOnlySpan<byte> firstPacket = GetFirstPacketOfCurrentPage(header);
            if (firstPacket.Length >= 8 && firstPacket[..8].SequenceEqual("OpusHead"u8))
            {
                Head = OpusHead.Parse(firstPacket);
                SerialNumber = header.SerialNumber;
                _serialKnown = true;
                _expectedSequenceNumber = header.SequenceNumber + 1;
                IsEndOfStream = header.IsEndOfStream;
                break;
            }
        }

        if (!TryReadNextPacket(out ReadOnlyMemory<byte> tags, out _))
        {
            throw new InvalidDataException("The stream ended before the Opus comment header (OpusTags).");
        }

        Tags = OpusTags.Parse(tags.Span);
        _readingHeaders = false;
        _maxPacketLength = MaxAudioPacketLength;
    }

    private ReadOnlySpan<byte> GetFirstPacketOfCurrentPage(OggPageHeader header)
    {
        ReadOnlySpan<byte> page = _buffer.AsSpan(_pageOffset, header.PageLength);
        ReadOnlySpan<byte> segmentTable = page.Slice(OggPage.FixedHeaderLength, header.SegmentCount);
        int length = 0;
        foreach (byte lacing in segmentTable)
        {
            length += lacing;
            if (lacing < 255)
            {
                return page.Slice(header.HeaderLength, length);
            }
        }

        // RFC 7845 §3: the OpusHead must complete on the first page.
        return [];
    }

    private InvalidDataException HeaderError(string problem) =>
        new($"Damaged Ogg Opus headers: {problem} (at byte {_consumedBeforeBuffer + _bufferStart}).");
}
