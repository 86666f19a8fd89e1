namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>Packet layer: splitting pages by their lacing values, reassembling continued packets, granule positions.</summary>
public sealed partial class OggOpusReader
{
    private readonly int[] _packetOffsets = new int[OggPage.MaxSegmentCount];
    private readonly int[] _packetLengths = new int[OggPage.MaxSegmentCount];
    private readonly long[] _packetGranules = new long[OggPage.MaxSegmentCount];
    private int _packetCount;
    private int _nextPacket;
    private bool _firstPacketIsReassembled;

    private byte[] _packetBuffer = new byte[4096];
    private int _pendingLength;
    private bool _hasPending;
    private bool _discardingContinuation;
    private int _trailingOffset;
    private int _trailingLength;

    private uint _expectedSequenceNumber;
    private long _lastGranulePosition = -1;

    private bool TryReadNextPacket(out ReadOnlyMemory<byte> packet, out long granulePosition)
    {
        while (_nextPacket >= _packetCount)
        {
            if (IsEndOfStream)
            {
                packet = default;
                granulePosition = -1;
                return false;
            }

            KeepTrailingPartOfCurrentPage();
            if (!TryReadPage(out OggPageHeader header))
            {
                if (_hasPending)
                {
                    DropPendingPacket();
                }

                packet = default;
                granulePosition = -1;
                return false;
            }

            SplitPage(header);
        }

        int index = _nextPacket++;
        packet = index == 0 && _firstPacketIsReassembled
            ? _packetBuffer.AsMemory(0, _packetLengths[0])
            : _buffer.AsMemory(_packetOffsets[index], _packetLengths[index]);
        granulePosition = _packetGranules[index];
        return true;
    }

    /// <summary>Lists the packets that complete on the current page (RFC 3533 §5) and works out their granule positions.</summary>
    private void SplitPage(OggPageHeader header)
    {
        _packetCount = 0;
        _nextPacket = 0;
        _firstPacketIsReassembled = false;
        _trailingLength = 0;

        bool droppedAtGap = false;
        if (header.SequenceNumber != _expectedSequenceNumber)
        {
            SequenceGapCount++;
            if (_readingHeaders)
            {
                throw HeaderError($"page sequence number {header.SequenceNumber} where {_expectedSequenceNumber} was expected");
            }

            if (_hasPending)
            {
                DropPendingPacket();
                droppedAtGap = true;
            }
        }

        _expectedSequenceNumber = header.SequenceNumber + 1;
        bool inContinuation = header.IsContinued;
        if (!inContinuation)
        {
            _discardingContinuation = false;
            if (_hasPending)
            {
                // The previous page promised a continuation that never came.
                DropPendingPacket();
            }
        }
        else if (!_hasPending && !_discardingContinuation)
        {
            // The start of this packet was lost (counted already if it was pending at the gap).
            if (!droppedAtGap)
            {
                CountDroppedPacket();
            }

            _discardingContinuation = true;
        }

        ReadOnlySpan<byte> segmentTable = _buffer.AsSpan(_pageOffset + OggPage.FixedHeaderLength, header.SegmentCount);
        int bodyOffset = _pageOffset + header.HeaderLength;
        int runStart = 0;
        int runLength = 0;
        foreach (byte lacing in segmentTable)
        {
            runLength += lacing;
            if (lacing == 255)
            {
                continue;
            }

            if (inContinuation)
            {
                FinishContinuedPacket(bodyOffset + runStart, runLength);
                inContinuation = false;
            }
            else if (runLength > _maxPacketLength)
            {
                CountDroppedPacket();
            }
            else
            {
                _packetOffsets[_packetCount] = bodyOffset + runStart;
                _packetLengths[_packetCount] = runLength;
                _packetCount++;
            }

            runStart += runLength;
            runLength = 0;
        }

        if (runLength > 0)
        {
            if (!inContinuation)
            {
                // Copied out when the page is left, so the reassembly buffer is not overwritten while it is being returned.
                _trailingOffset = bodyOffset + runStart;
                _trailingLength = runLength;
            }
            else if (!_discardingContinuation)
            {
                AppendToPending(bodyOffset + runStart, runLength);
            }
        }

        AssignGranulePositions(header);
        if (header.IsEndOfStream)
        {
            IsEndOfStream = true;
            if (_trailingLength > 0 || _hasPending)
            {
                // RFC 3533 §4: nothing follows EOS, so an unfinished packet there can never complete.
                _trailingLength = 0;
                DropPendingPacket();
            }
        }
    }

    private void FinishContinuedPacket(int offset, int length)
    {
        if (_discardingContinuation)
        {
            _discardingContinuation = false;
            return;
        }

        if (!AppendToPending(offset, length))
        {
            // Too large and dropped; its end is here, so what follows is whole again.
            _discardingContinuation = false;
            return;
        }

        _hasPending = false;
        _firstPacketIsReassembled = true;
        _packetOffsets[0] = 0;
        _packetLengths[0] = _pendingLength;
        _packetCount = 1;
    }

    private void KeepTrailingPartOfCurrentPage()
    {
        if (_trailingLength == 0)
        {
            return;
        }

        _pendingLength = 0;
        _hasPending = true;
        AppendToPending(_trailingOffset, _trailingLength);
        _trailingLength = 0;
    }

    private bool AppendToPending(int offset, int length)
    {
        int total = _pendingLength + length;
        if (total > _maxPacketLength)
        {
            DropPendingPacket();
            _discardingContinuation = true;
            return false;
        }

        if (total > _packetBuffer.Length)
        {
            Array.Resize(ref _packetBuffer, Math.Min(Math.Max(total, 2 * _packetBuffer.Length), _maxPacketLength));
        }

        _buffer.AsSpan(offset, length).CopyTo(_packetBuffer.AsSpan(_pendingLength));
        _pendingLength = total;
        _hasPending = true;
        return true;
    }

    private void DropPendingPacket()
    {
        _hasPending = false;
        _pendingLength = 0;
        CountDroppedPacket();
    }

    private void CountDroppedPacket()
    {
        if (_readingHeaders)
        {
            throw HeaderError("a header packet is incomplete or too large");
        }

        DroppedPacketCount++;
    }

    /// <summary>
    /// RFC 7845 §4: the page's granule position is the sample count at the end of its last completed packet, so
    /// earlier packets end that many samples before it, counting back with each packet's TOC duration. On the EOS
    /// page the granule may be smaller than that count (end trimming): positions then count forward from the
    /// previous page and are capped at the final granule.
    /// </summary>
    private void AssignGranulePositions(OggPageHeader header)
    {
        if (_packetCount == 0)
        {
            return;
        }

        long pageGranule = header.GranulePosition;
        long total = 0;
        for (int index = 0; index < _packetCount; index++)
        {
            total += GetPacketSampleCount(index);
        }

        long floor = Math.Max(_lastGranulePosition, 0);
        bool validGranule = pageGranule >= 0;
        long start = validGranule ? pageGranule - total : floor;
        if (header.IsEndOfStream && start < floor)
        {
            start = floor;
        }

        long position = start;
        for (int index = 0; index < _packetCount; index++)
        {
            position += GetPacketSampleCount(index);
            _packetGranules[index] = validGranule ? Math.Min(position, pageGranule) : position;
        }

        if (validGranule)
        {
            _packetGranules[_packetCount - 1] = pageGranule;
        }

        _lastGranulePosition = _packetGranules[_packetCount - 1];
    }

    private int GetPacketSampleCount(int index)
    {
        ReadOnlySpan<byte> packet = index == 0 && _firstPacketIsReassembled
            ? _packetBuffer.AsSpan(0, _packetLengths[0])
            : _buffer.AsSpan(_packetOffsets[index], _packetLengths[index]);
        return OpusPacketDuration.TryGetSampleCount(packet, out int sampleCount) ? sampleCount : 0;
    }
}
