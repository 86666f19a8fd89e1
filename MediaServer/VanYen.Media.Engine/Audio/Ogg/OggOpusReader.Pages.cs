namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>Page layer: buffering the stream, finding and verifying pages, resynchronising after damage.</summary>
public sealed partial class OggOpusReader
{
    private byte[] _buffer;
    private int _bufferStart;
    private int _bufferEnd;
    private long _consumedBeforeBuffer;
    private bool _streamEnded;
    private bool _resynchronising;
    private bool _serialKnown;
    private int _pageOffset;

    /// <summary>
    /// Finds the next valid page of this logical stream (any stream before the OpusHead is found) and leaves it at
    /// <see cref="_pageOffset"/>. The page stays in the buffer until the next call. False when the data runs out.
    /// </summary>
    private bool TryReadPage(out OggPageHeader header)
    {
        while (true)
        {
            OggPageStatus status = OggPage.Read(_buffer.AsSpan(_bufferStart, _bufferEnd - _bufferStart), out OggPage page, out int pageLength);
            switch (status)
            {
                case OggPageStatus.Valid:
                    _resynchronising = false;
                    header = page.Header;
                    _pageOffset = _bufferStart;
                    _bufferStart += pageLength;
                    if (_serialKnown && header.SerialNumber != SerialNumber)
                    {
                        OtherStreamPageCount++;
                        continue;
                    }

                    return true;

                case OggPageStatus.NeedMoreData when !_streamEnded:
                    Fill();
                    continue;

                case OggPageStatus.NeedMoreData when _bufferStart == _bufferEnd:
                    header = default;
                    return false;

                default:
                    SkipDamage(status);
                    continue;
            }
        }
    }

    private void SkipDamage(OggPageStatus status)
    {
        if (_readingHeaders)
        {
            throw status switch
            {
                OggPageStatus.BadCapturePattern when _consumedBeforeBuffer + _bufferStart == 0 =>
                    new InvalidDataException("Not an Ogg stream: the data does not start with the capture pattern \"OggS\" (RFC 3533 §6)."),
                OggPageStatus.BadCapturePattern => HeaderError("no capture pattern \"OggS\" where the next page should start"),
                OggPageStatus.UnsupportedVersion => HeaderError("Ogg page with an unsupported stream structure version"),
                OggPageStatus.ChecksumMismatch => HeaderError("Ogg page CRC mismatch"),
                _ => HeaderError("the stream ends in the middle of an Ogg page"),
            };
        }

        // A failed checksum is always a damaged page; garbage met while already searching is part of the same damage.
        if (status == OggPageStatus.ChecksumMismatch || !_resynchronising)
        {
            CorruptPageCount++;
        }

        _resynchronising = true;
        // Resume at the next capture pattern after this position (RFC 3533 §6: "OggS" exists to regain sync).
        int searchStart = _bufferStart + 1;
        int found = OggPage.FindCapturePattern(_buffer.AsSpan(searchStart, _bufferEnd - searchStart));
        if (found >= 0)
        {
            _bufferStart = searchStart + found;
            return;
        }

        // Keep the last three bytes: they may be the start of a capture pattern.
        _bufferStart = Math.Max(searchStart, _bufferEnd - 3);
        if (_streamEnded)
        {
            _bufferStart = _bufferEnd;
        }
        else
        {
            Fill();
        }
    }

    private void Fill()
    {
        if (_bufferStart > 0)
        {
            int remaining = _bufferEnd - _bufferStart;
            _buffer.AsSpan(_bufferStart, remaining).CopyTo(_buffer);
            _consumedBeforeBuffer += _bufferStart;
            _bufferStart = 0;
            _bufferEnd = remaining;
        }

        // The buffer holds two maximum pages, so after compaction there is always room for the rest of one page.
        int read = _stream.Read(_buffer, _bufferEnd, _buffer.Length - _bufferEnd);
        if (read == 0)
        {
            _streamEnded = true;
        }

        _bufferEnd += read;
    }
}
