using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Audio.Jitter;

/// <summary>
/// An adaptive jitter buffer for one incoming Opus RTP stream (RFC 7587: 48 kHz RTP clock),
/// played out as mono 20 ms frames at the decoder's rate (48 kHz, or less: a 16 kHz meeting
/// mix) by a caller ticking every 20 ms.
/// </summary>
/// <remarks>
/// <para>
/// Packets are copied into preallocated slots indexed by their unwrapped sequence number, so
/// reordering costs nothing and the buffer never holds more than <see cref="JitterBufferOptions.Capacity"/>
/// packets. <see cref="Pop(Span{short})"/> decodes the next packet; a missing one is rebuilt from the next
/// packet's in-band FEC when that packet is buffered, else concealed (PLC) up to a limit, then
/// silenced. Packets of 2.5 to 120 ms are all played: a long packet fills several frames, and
/// short ones are joined to fill one.
/// </para>
/// <para>
/// The target delay follows the relative transit delay of recent packets: it jumps up at once
/// when a packet arrives later than the target would have allowed, and eases down towards the
/// 95th percentile of the last 2 s when the network calms. When more audio is buffered than the
/// target, a packet is skipped to bring the delay down.
/// </para>
/// <para>
/// Safe for one thread inserting (the receive loop) and another popping (the mixer tick);
/// neither allocates in steady state.
/// </para>
/// </remarks>
public sealed partial class JitterBuffer
{
    /// <summary>Samples in one output frame with a 48 kHz decoder, and RTP timestamp units in 20 ms: 20 ms at 48 kHz, mono.</summary>
    public const int FrameSamples = 960;

    private const int SamplesPerMillisecond = 48;
    private const long EmptySlot = -1;

    private readonly JitterBufferOptions _options;
    private readonly OpusAudioDecoder _decoder;
    private readonly Lock _lock = new();

    // Everything is counted in 48 kHz RTP timestamp units except the decoded samples waiting in _pending, which are
    // at the decoder's rate: one decoded sample is _timestampsPerSample units (1 at 48 kHz, 3 at 16 kHz).
    private readonly int _timestampsPerSample;
    private readonly int _outputFrameSamples;

    private readonly byte[] _payloads;
    private readonly int[] _payloadLengths;
    private readonly long[] _slotSequences;
    private readonly long[] _slotTimestamps;
    private readonly int[] _slotSampleCounts;
    private readonly long[] _slotArrivals;
    private int _bufferedCount;

    private readonly long _maxTimestampJumpSamples;
    private SequenceNumberUnwrapper _unwrapper;
    private bool _streamStarted;
    private uint _ssrc;
    private long _highestSequence;
    private long _highestTimestamp;
    private int _highestSampleCount;

    private long _received;
    private long _duplicates;
    private long _late;
    private long _droppedOverflow;
    private long _malformed;
    private long _resets;

    /// <summary>
    /// Creates a buffer that decodes with <paramref name="decoder"/> (mono, at any Opus rate: frames are
    /// <see cref="OutputFrameSamples"/> long at its rate), which it then owns the state of.
    /// </summary>
    public JitterBuffer(JitterBufferOptions options, OpusAudioDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(decoder);
        options.Validate();
        if (decoder.Channels != 1)
        {
            throw new ArgumentException("The jitter buffer plays mono; the decoder must match.", nameof(decoder));
        }

        _options = options;
        _decoder = decoder;
        _timestampsPerSample = 48000 / decoder.SampleRate;
        _outputFrameSamples = FrameSamples / _timestampsPerSample;

        int capacity = options.Capacity;
        _payloads = new byte[capacity * options.MaxPayloadSize];
        _payloadLengths = new int[capacity];
        _slotSequences = new long[capacity];
        _slotTimestamps = new long[capacity];
        _slotSampleCounts = new int[capacity];
        _slotArrivals = new long[capacity];
        Array.Fill(_slotSequences, EmptySlot);

        _maxTimestampJumpSamples = (long)(options.MaxTimestampJump.TotalSeconds * 48000);
        _pending = new short[OpusPacketHeader.MaxSamplesPerPacketAt48Kilohertz + FrameSamples];
        _transits = new double[TransitHistoryLength];
        _transitsSorted = new double[TransitHistoryLength];
        _targetMilliseconds = options.InitialDelay.TotalMilliseconds;
        _fastShrinkPops = (int)(options.FastShrinkWindow.TotalMilliseconds / 20);
        _fastShrinkMarginMilliseconds = options.FastShrinkMargin.TotalMilliseconds;
    }

    /// <summary>Samples in one 20 ms output frame at the decoder's rate: 960 at 48 kHz, 320 at 16 kHz.</summary>
    public int OutputFrameSamples => _outputFrameSamples;

    /// <summary>The playout delay the buffer now aims for.</summary>
    public TimeSpan TargetDelay
    {
        get
        {
            lock (_lock)
            {
                return TimeSpan.FromMilliseconds(_targetMilliseconds);
            }
        }
    }

    /// <summary>A snapshot of the counters and delays.</summary>
    public JitterBufferStatistics Statistics
    {
        get
        {
            lock (_lock)
            {
                return new JitterBufferStatistics(
                    _received, _played, _duplicates, _late, _droppedOverflow, _malformed + _decoderRejections,
                    _concealed, _fecRecovered, _silenced, _expanded, _skipped, _underruns, _resets,
                    _targetMilliseconds, BufferedSamples() / (double)SamplesPerMillisecond, _interarrivalJitterMilliseconds);
            }
        }
    }

    /// <summary>
    /// Stores one RTP packet's Opus payload for playout (copied; the caller may reuse its buffer).
    /// </summary>
    /// <param name="sequence">The RTP sequence number.</param>
    /// <param name="timestamp">The RTP timestamp (48 kHz clock, RFC 7587 §4.1).</param>
    /// <param name="ssrc">The RTP SSRC; a change restarts the stream.</param>
    /// <param name="payload">The Opus packet.</param>
    /// <param name="arrivalTimestamp">When the packet arrived, in ticks of <see cref="JitterBufferOptions.TimestampFrequency"/>.</param>
    public JitterInsertResult Insert(ushort sequence, uint timestamp, uint ssrc, ReadOnlySpan<byte> payload, long arrivalTimestamp)
    {
        lock (_lock)
        {
            _received++;
            if (payload.Length > _options.MaxPayloadSize || !OpusPacketHeader.TryParse(payload, out OpusPacketHeader header))
            {
                _malformed++;
                return JitterInsertResult.Malformed;
            }

            int sampleCount = header.SampleCountAt48Kilohertz;
            JitterInsertResult accepted = JitterInsertResult.Accepted;
            if (!_streamStarted)
            {
                StartStream(sequence, timestamp, ssrc, sampleCount);
            }
            else if (ssrc != _ssrc || IsJump(sequence, timestamp))
            {
                ResetStream();
                _resets++;
                StartStream(sequence, timestamp, ssrc, sampleCount);
                accepted = JitterInsertResult.Resynchronized;
            }

            long extendedSequence = _unwrapper.Unwrap(sequence);
            long extendedTimestamp = _highestTimestamp + (int)(timestamp - (uint)_highestTimestamp);

            if (extendedSequence < _nextSequence)
            {
                // Before the first frame is played a reordered earlier packet still has a place.
                if (_hasPlayed || _highestSequence - extendedSequence >= _options.Capacity)
                {
                    // A late packet is the clearest sign the delay is too short: it still feeds the estimate.
                    UpdateDelayEstimate(extendedTimestamp, arrivalTimestamp);
                    OnPlayoutTrouble();
                    _late++;
                    return JitterInsertResult.TooLate;
                }

                _nextSequence = extendedSequence;
                _nextTimestamp = extendedTimestamp;
            }

            int slot = SlotOf(extendedSequence);
            if (_slotSequences[slot] == extendedSequence)
            {
                _duplicates++;
                return JitterInsertResult.Duplicate;
            }

            // Keep the window [next, newest] within capacity: the oldest packets make room.
            while (extendedSequence - _nextSequence >= _options.Capacity)
            {
                DropOldest();
            }

            payload.CopyTo(_payloads.AsSpan(slot * _options.MaxPayloadSize, _options.MaxPayloadSize));
            _payloadLengths[slot] = payload.Length;
            _slotSequences[slot] = extendedSequence;
            _slotTimestamps[slot] = extendedTimestamp;
            _slotSampleCounts[slot] = sampleCount;
            _slotArrivals[slot] = arrivalTimestamp;
            _bufferedCount++;

            if (extendedSequence > _highestSequence)
            {
                _highestSequence = extendedSequence;
                _highestTimestamp = extendedTimestamp;
                _highestSampleCount = sampleCount;
            }

            UpdateDelayEstimate(extendedTimestamp, arrivalTimestamp);
            return accepted;
        }
    }

    /// <summary>Forgets the stream: buffered packets, decoder history and jitter history. Counters and the target delay stay.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            ResetStream();
        }
    }

    private int SlotOf(long extendedSequence) => (int)(extendedSequence % _options.Capacity);

    private bool IsOccupied(long extendedSequence) => _slotSequences[SlotOf(extendedSequence)] == extendedSequence;

    private void FreeSlot(int slot)
    {
        _slotSequences[slot] = EmptySlot;
        _bufferedCount--;
    }

    private bool IsJump(ushort sequence, uint timestamp)
    {
        long sequenceDelta = _unwrapper.Peek(sequence) - _highestSequence;
        if (Math.Abs(sequenceDelta) > _options.MaxSequenceJump)
        {
            return true;
        }

        // A timestamp far from where the sequence number puts it means the sender restarted its clock.
        long timestampDelta = (int)(timestamp - (uint)_highestTimestamp);
        long expected = sequenceDelta * _highestSampleCount;
        return Math.Abs(timestampDelta - expected) > _maxTimestampJumpSamples;
    }

    private void StartStream(ushort sequence, uint timestamp, uint ssrc, int sampleCount)
    {
        _streamStarted = true;
        _ssrc = ssrc;
        _unwrapper.Reset();
        long extendedSequence = _unwrapper.Peek(sequence);

        // Timestamps are extended from one cycle up, like sequence numbers, so earlier packets stay positive.
        long extendedTimestamp = (1L << 32) + timestamp;
        _highestSequence = extendedSequence;
        _highestTimestamp = extendedTimestamp;
        _highestSampleCount = sampleCount;
        _nextSequence = extendedSequence;
        _nextTimestamp = extendedTimestamp;
    }

    private void ResetStream()
    {
        Array.Fill(_slotSequences, EmptySlot);
        _bufferedCount = 0;
        _streamStarted = false;
        _unwrapper.Reset();
        _decoder.Reset();
        ResetPlayout();
        ResetDelayEstimate();
        ResetFastShrink();
    }

    private void DropOldest()
    {
        int slot = SlotOf(_nextSequence);
        int advance = _lastPacketTimestamps;
        if (_slotSequences[slot] == _nextSequence)
        {
            advance = _slotSampleCounts[slot];
            FreeSlot(slot);
            _droppedOverflow++;
        }

        _nextSequence++;
        _nextTimestamp += advance;
    }
}
