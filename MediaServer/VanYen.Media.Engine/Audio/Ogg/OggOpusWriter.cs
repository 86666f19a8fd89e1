using System.Buffers;
using System.Security.Cryptography;

namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>
/// Writes an Ogg Opus stream (RFC 7845 over RFC 3533 pages) to a <see cref="Stream"/>: the OpusHead page,
/// the OpusTags page(s), then the Opus packets given to <see cref="WritePacket"/>, paged and laced.
/// </summary>
/// <remarks>
/// A <see cref="Stream"/> rather than a <c>PipeWriter</c>: the callers are a <c>FileStream</c> (recordings,
/// the audio library) and an HTTP response body (a Stream in ASP.NET Core, or <c>PipeWriter.AsStream()</c>),
/// and this writer already assembles whole pages in its own buffer, so a pipe would add a second buffer
/// and nothing else. Use the async methods on an HTTP body, where synchronous I/O is not allowed.
/// Packets are buffered into the current page; completed pages go to the stream at the end of each call.
/// Not thread-safe: one producer per writer. Call <see cref="Complete"/> to mark the end of the stream (EOS);
/// disposing does not write anything.
/// </remarks>
public sealed class OggOpusWriter : IDisposable, IAsyncDisposable
{
    private const int SamplesPerSecond = 48000;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly OpusHead _head;
    private readonly OpusTags _tags;
    private readonly int _maxPacketsPerPage;
    private readonly long _maxPageSampleCount;
    private readonly bool _flushStreamAfterEachPage;
    private readonly byte[] _segmentTable = new byte[OggPage.MaxSegmentCount];
    private readonly ArrayBufferWriter<byte> _output = new(2 * OggPage.MaxPageLength);
    private byte[]? _body;
    private int _segmentCount;
    private int _bodyLength;
    private bool _pageStartsWithContinuation;
    private int _packetsCompletedOnPage;
    private long _samplesCompletedOnPage;
    private uint _sequenceNumber;
    private bool _headersWritten;
    private bool _completed;
    private bool _writingHeaders;

    /// <summary>Creates a writer; nothing is written until the first packet, flush or completion.</summary>
    /// <param name="stream">Where the pages go.</param>
    /// <param name="options">Header fields and paging policy; defaults when null.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open when the writer is disposed.</param>
    public OggOpusWriter(Stream stream, OggOpusWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new OggOpusWriterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPacketsPerPage, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxPageDuration, TimeSpan.Zero, nameof(options));
        _stream = stream;
        _leaveOpen = leaveOpen;
        _head = new OpusHead(options.ChannelCount, options.PreSkip, options.InputSampleRate, options.OutputGain);
        _tags = new OpusTags(OpusTags.DefaultVendor, options.Comments);
        _maxPacketsPerPage = options.MaxPacketsPerPage;
        _maxPageSampleCount = (long)(options.MaxPageDuration.TotalSeconds * SamplesPerSecond);
        _flushStreamAfterEachPage = options.FlushStreamAfterEachPage;
        SerialNumber = options.SerialNumber ?? CreateRandomSerialNumber();
        _body = ArrayPool<byte>.Shared.Rent(OggPage.MaxBodyLength);
    }

    /// <summary>The logical bitstream's serial number.</summary>
    public uint SerialNumber { get; }

    /// <summary>48 kHz samples in all packets written so far: the granule position after the last one (RFC 7845 §4).</summary>
    public long GranulePosition { get; private set; }

    /// <summary>Pages produced so far, headers included.</summary>
    public long PageCount => _sequenceNumber;

    /// <summary>Adds one Opus packet; any page it completes is written to the stream before returning.</summary>
    /// <exception cref="ArgumentException">The packet is empty or its TOC is malformed (RFC 6716 §3.1).</exception>
    /// <exception cref="InvalidOperationException">The writer was completed.</exception>
    public void WritePacket(ReadOnlySpan<byte> packet)
    {
        AppendAudioPacket(packet);
        DrainToStream();
    }

    /// <inheritdoc cref="WritePacket"/>
    public ValueTask WritePacketAsync(ReadOnlyMemory<byte> packet, CancellationToken cancellationToken = default)
    {
        AppendAudioPacket(packet.Span);
        return DrainToStreamAsync(cancellationToken);
    }

    /// <summary>Closes the current page (if it holds anything), writes it and flushes the stream.</summary>
    public void Flush()
    {
        PrepareFlush();
        DrainToStream();
        _stream.Flush();
    }

    /// <inheritdoc cref="Flush"/>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        PrepareFlush();
        await DrainToStreamAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the last page with the EOS flag and flushes the stream. Later writes throw.</summary>
    public void Complete()
    {
        PrepareCompletion();
        DrainToStream();
        _stream.Flush();
    }

    /// <inheritdoc cref="Complete"/>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        PrepareCompletion();
        await DrainToStreamAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the page buffer and disposes the stream unless told to leave it open. Writes nothing.</summary>
    public void Dispose()
    {
        ReturnBuffer();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public async ValueTask DisposeAsync()
    {
        ReturnBuffer();
        if (!_leaveOpen)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static uint CreateRandomSerialNumber()
    {
        Span<byte> bytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt32(bytes);
    }

    private void AppendAudioPacket(ReadOnlySpan<byte> packet)
    {
        ThrowIfCompleted();
        if (!OpusPacketDuration.TryGetSampleCount(packet, out int sampleCount))
        {
            throw new ArgumentException("Not an Opus packet: empty or malformed TOC (RFC 6716 §3.1).", nameof(packet));
        }

        EnsureHeaders();
        AppendPacket(packet);
        GranulePosition += sampleCount;
        _samplesCompletedOnPage += sampleCount;
        if (_packetsCompletedOnPage >= _maxPacketsPerPage || _samplesCompletedOnPage >= _maxPageSampleCount)
        {
            ClosePage(OggPageFlags.None);
        }
    }

    private void PrepareFlush()
    {
        ThrowIfCompleted();
        EnsureHeaders();
        if (_segmentCount > 0)
        {
            ClosePage(OggPageFlags.None);
        }
    }

    private void PrepareCompletion()
    {
        ThrowIfCompleted();
        EnsureHeaders();
        _completed = true;
        // RFC 3533 §4: the last page carries EOS; when the last packet already went out on a page,
        // an empty EOS page ends the stream with the final granule position.
        ClosePage(OggPageFlags.EndOfStream);
    }

    private void EnsureHeaders()
    {
        if (_headersWritten)
        {
            return;
        }

        _headersWritten = true;
        _writingHeaders = true;
        // RFC 7845 §3: OpusHead alone on the BOS page, then OpusTags finishing its own page; both at granule 0.
        Span<byte> head = stackalloc byte[OpusHead.Family0Length];
        _head.Write(head);
        AppendPacket(head);
        ClosePage(OggPageFlags.None);

        byte[] tags = ArrayPool<byte>.Shared.Rent(_tags.Length);
        try
        {
            int length = _tags.Write(tags);
            AppendPacket(tags.AsSpan(0, length));
            ClosePage(OggPageFlags.None);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(tags);
            _writingHeaders = false;
        }
    }

    private void AppendPacket(ReadOnlySpan<byte> packet)
    {
        byte[] body = _body ?? throw new ObjectDisposedException(nameof(OggOpusWriter));
        int lacingValueCount = (packet.Length / 255) + 1;
        // Start a fresh page rather than split a packet that would fit whole on one.
        if (_segmentCount > 0 && _segmentCount + lacingValueCount > OggPage.MaxSegmentCount && lacingValueCount <= OggPage.MaxSegmentCount)
        {
            ClosePage(OggPageFlags.None);
        }

        int offset = 0;
        while (true)
        {
            if (_segmentCount == OggPage.MaxSegmentCount)
            {
                // RFC 3533 §6: the packet goes on in the next page, flagged "continued".
                ClosePage(OggPageFlags.None, packetContinues: true);
            }

            // RFC 3533 §5: lacing values of 255 mean "more follows"; a value below 255 (maybe 0) ends the packet.
            int chunk = Math.Min(packet.Length - offset, 255);
            _segmentTable[_segmentCount++] = (byte)chunk;
            packet.Slice(offset, chunk).CopyTo(body.AsSpan(_bodyLength));
            _bodyLength += chunk;
            offset += chunk;
            if (chunk < 255)
            {
                break;
            }
        }

        _packetsCompletedOnPage++;
    }

    private void ClosePage(OggPageFlags flags, bool packetContinues = false)
    {
        if (_sequenceNumber == 0)
        {
            flags |= OggPageFlags.BeginningOfStream;
        }

        if (_pageStartsWithContinuation)
        {
            flags |= OggPageFlags.Continued;
        }

        // RFC 7845 §4: the granule position counts the samples up to the last packet completed on the page;
        // RFC 3533 §6: -1 when none completes here. Header pages stay at 0 (RFC 7845 §3); an empty EOS page
        // repeats the final position so that readers find the stream's length on its last page.
        long granulePosition = _packetsCompletedOnPage > 0 || _writingHeaders || _segmentCount == 0 ? GranulePosition : -1;
        int pageLength = OggPage.FixedHeaderLength + _segmentCount + _bodyLength;
        int written = OggPage.Write(
            _output.GetSpan(pageLength),
            flags,
            granulePosition,
            SerialNumber,
            _sequenceNumber,
            _segmentTable.AsSpan(0, _segmentCount),
            _body.AsSpan(0, _bodyLength));
        _output.Advance(written);
        _sequenceNumber++;
        _segmentCount = 0;
        _bodyLength = 0;
        _packetsCompletedOnPage = 0;
        _samplesCompletedOnPage = 0;
        _pageStartsWithContinuation = packetContinues;
    }

    private void DrainToStream()
    {
        if (_output.WrittenCount == 0)
        {
            return;
        }

        _stream.Write(_output.WrittenSpan);
        _output.ResetWrittenCount();
        if (_flushStreamAfterEachPage)
        {
            _stream.Flush();
        }
    }

    private async ValueTask DrainToStreamAsync(CancellationToken cancellationToken)
    {
        if (_output.WrittenCount == 0)
        {
            return;
        }

        await _stream.WriteAsync(_output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _output.ResetWrittenCount();
        if (_flushStreamAfterEachPage)
        {
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The Ogg Opus stream was completed; no more packets can be written.");
        }

        ObjectDisposedException.ThrowIf(_body is null, this);
    }

    private void ReturnBuffer()
    {
        byte[]? body = _body;
        _body = null;
        if (body is not null)
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }
}
