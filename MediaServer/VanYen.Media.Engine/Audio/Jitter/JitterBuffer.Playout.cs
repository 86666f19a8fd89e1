using VanYen.Media.Engine.Audio.Codec;

namespace VanYen.Media.Engine.Audio.Jitter;

public sealed partial class JitterBuffer
{
    private readonly short[] _pending;
    private int _pendingCount;
    private bool _playing;
    private bool _hasPlayed;
    private long _nextSequence;
    private long _nextTimestamp;
    // The last packet's duration in 48 kHz timestamp units: a lost packet is taken to be as long.
    private int _lastPacketTimestamps = FrameSamples;
    private int _consecutiveConcealed;

    private long _played;
    private long _concealed;
    private long _fecRecovered;
    private long _silenced;
    private long _skipped;
    private long _expanded;
    private double _peakLevelMilliseconds;
    private long _lossStartSequence;
    private long _lossStartTimestamp;
    private long _underruns;
    private long _decoderRejections;
    private bool _decoding = true;
    private bool _decoderStale;
    private long _lastPlayedArrival;

    /// <summary>
    /// The arrival timestamp (as given to <see cref="Insert"/>) of the last packet <see cref="Pop(Span{short})"/> or
    /// <see cref="Skip()"/> played; read it on the popping thread. For latency probes (packet in → frame out).
    /// </summary>
    public long LastPlayedArrivalTimestamp => _lastPlayedArrival;

    /// <summary>
    /// Fills <paramref name="pcm"/> with the next 20 ms of audio; call once per 20 ms tick.
    /// </summary>
    /// <param name="pcm">Exactly <see cref="OutputFrameSamples"/> samples (mono, at the decoder's rate).</param>
    /// <returns>Where the audio came from; <see cref="JitterFrameKind.Buffering"/> and <see cref="JitterFrameKind.Silence"/> frames are zeros.</returns>
    public JitterFrameKind Pop(Span<short> pcm) => Pop(pcm, NoPopTime);

    /// <summary>
    /// Fills <paramref name="pcm"/> with the next 20 ms of audio, as <see cref="Pop(Span{short})"/>, and measures how long
    /// the packet played waited since it arrived (for <see cref="JitterBufferOptions.FastShrinkWindow"/>).
    /// </summary>
    /// <param name="pcm">Exactly <see cref="OutputFrameSamples"/> samples (mono, at the decoder's rate).</param>
    /// <param name="popTimestamp">Now, on the clock of the arrival timestamps given to <see cref="Insert"/>.</param>
    public JitterFrameKind Pop(Span<short> pcm, long popTimestamp)
    {
        if (pcm.Length != _outputFrameSamples)
        {
            ThrowWrongFrameLength(pcm.Length, _outputFrameSamples);
        }

        lock (_lock)
        {
            if (_decoderStale)
            {
                // Frames were skipped undecoded: the decoder's history no longer matches the stream.
                _decoder.Reset();
                _decoderStale = false;
            }

            long arrivalBefore = _lastPlayedArrival;
            JitterFrameKind kind = PopLocked(pcm);
            NoteWait(kind, arrivalBefore, popTimestamp);
            return kind;
        }
    }

    /// <summary>
    /// Moves playout on by 20 ms exactly as <see cref="Pop(Span{short})"/> would (delay adaptation, loss, FEC and DTX
    /// bookkeeping), without decoding or concealing: for a stream nobody hears now, such as a meeting
    /// participant who is not among the talkers. The next <see cref="Pop(Span{short})"/> resets the decoder first.
    /// </summary>
    /// <returns>What <see cref="Pop(Span{short})"/> would have returned (<see cref="JitterFrameKind.Decoded"/> when a packet was passed over).</returns>
    public JitterFrameKind Skip() => Skip(NoPopTime);

    /// <summary>Moves playout on by 20 ms without decoding, as <see cref="Skip()"/>, measuring waits as <see cref="Pop(Span{short}, long)"/> does.</summary>
    /// <param name="popTimestamp">Now, on the clock of the arrival timestamps given to <see cref="Insert"/>.</param>
    public JitterFrameKind Skip(long popTimestamp)
    {
        lock (_lock)
        {
            _decoding = false;
            _decoderStale = true;
            try
            {
                long arrivalBefore = _lastPlayedArrival;
                JitterFrameKind kind = PopLocked(default);
                NoteWait(kind, arrivalBefore, popTimestamp);
                return kind;
            }
            finally
            {
                _decoding = true;
            }
        }
    }

    private JitterFrameKind PopLocked(Span<short> pcm)
    {
        if (!_playing && !TryStartPlayout())
        {
            pcm.Clear();
            return JitterFrameKind.Buffering;
        }

        JitterFrameKind kind = JitterFrameKind.Decoded;
        if (_pendingCount == 0)
        {
            kind = MoveDelayTowardTarget();
        }

        int frame = _outputFrameSamples;
        while (_pendingCount < frame)
        {
            JitterFrameKind produced = ProduceNext();
            if (produced > kind)
            {
                kind = produced;
            }

            if (produced == JitterFrameKind.Buffering)
            {
                // Underrun past the concealment limit: play what is left, then silence, and refill.
                _pending.AsSpan(_pendingCount, frame - _pendingCount).Clear();
                _pendingCount = frame;
            }
        }

        if (!pcm.IsEmpty)
        {
            _pending.AsSpan(0, frame).CopyTo(pcm);
        }

        _pendingCount -= frame;
        _pending.AsSpan(frame, _pendingCount).CopyTo(_pending);
        if (kind == JitterFrameKind.Buffering)
        {
            _pendingCount = 0;
        }

        return kind;
    }

    /// <summary>Starts (or restarts after an underrun) playout once the target delay is buffered.</summary>
    private bool TryStartPlayout()
    {
        if (_bufferedCount == 0 || BufferedSamples() < _targetMilliseconds * SamplesPerMillisecond)
        {
            return false;
        }

        // After an underrun the stream resumes at its oldest buffered packet; the gap before it is not replayed.
        while (!IsOccupied(_nextSequence) && _nextSequence < _highestSequence)
        {
            _nextSequence++;
        }

        _nextTimestamp = _slotTimestamps[SlotOf(_nextSequence)];
        _playing = true;
        _hasPlayed = true;
        _consecutiveConcealed = 0;
        _peakLevelMilliseconds = BufferedSamples() / (double)SamplesPerMillisecond;
        return true;
    }

    /// <summary>Appends the next packet's worth of audio (decoded, FEC, concealed or silent) to the pending samples.</summary>
    private JitterFrameKind ProduceNext()
    {
        int slot = SlotOf(_nextSequence);
        if (_slotSequences[slot] == _nextSequence)
        {
            // RFC 7587 §4.1: a timestamp gap with consecutive sequence numbers is DTX silence; fill it first.
            long gap = _slotTimestamps[slot] - _nextTimestamp;
            if (gap >= FrameSamples)
            {
                _nextTimestamp += FrameSamples;
                return ConcealOrSilence(_outputFrameSamples);
            }

            int written = _decoding
                ? _decoder.Decode(_payloads.AsSpan(slot * _options.MaxPayloadSize, _payloadLengths[slot]), _pending.AsSpan(_pendingCount))
                : Silence(_pending.AsSpan(_pendingCount, _slotSampleCounts[slot] / _timestampsPerSample));
            _lastPlayedArrival = _slotArrivals[slot];
            _nextTimestamp = _slotTimestamps[slot] + _slotSampleCounts[slot];
            _nextSequence++;
            FreeSlot(slot);
            if (written == 0)
            {
                _decoderRejections++;
                return ConcealOrSilence(_lastPacketTimestamps / _timestampsPerSample);
            }

            _pendingCount += written;
            _lastPacketTimestamps = written * _timestampsPerSample;
            _consecutiveConcealed = 0;
            _played++;
            return JitterFrameKind.Decoded;
        }

        if (_bufferedCount > 0)
        {
            // Lost (or later than its turn): rebuild it from the next packet's FEC when that is here (RFC 6716 §2.1.7).
            RememberWhereLossBegan();
            long following = _nextSequence + 1;
            int lost = _lastPacketTimestamps;
            _nextSequence++;
            _nextTimestamp += lost;
            lost /= _timestampsPerSample;
            int followingSlot = SlotOf(following);
            if (_slotSequences[followingSlot] == following)
            {
                ReadOnlySpan<byte> next = _payloads.AsSpan(followingSlot * _options.MaxPayloadSize, _payloadLengths[followingSlot]);
                if (OpusPacketHeader.ModeOf(next[0]) != OpusPacketMode.Celt)
                {
                    Span<short> rebuilt = _pending.AsSpan(_pendingCount, lost);
                    _pendingCount += _decoding ? _decoder.DecodeFec(next, rebuilt) : Silence(rebuilt);
                    _consecutiveConcealed = 0;
                    _fecRecovered++;
                    return JitterFrameKind.FecRecovered;
                }
            }

            return ConcealOrSilence(lost);
        }

        // Nothing buffered: the next packet is late or lost. Conceal it as lost and keep the schedule
        // (if it comes later it is dropped as late), so the output stays aligned with the sender.
        if (_consecutiveConcealed < _options.MaxConsecutiveConcealedFrames)
        {
            RememberWhereLossBegan();
            int missing = _lastPacketTimestamps;
            _nextSequence++;
            _nextTimestamp += missing;
            return ConcealOrSilence(missing / _timestampsPerSample);
        }

        // The stream stalled (or the sender paused): go back to where the gap began and refill to the
        // target, so whatever the sender sent after the stall still plays.
        _nextSequence = _lossStartSequence;
        _nextTimestamp = _lossStartTimestamp;
        _playing = false;
        _underruns++;
        return JitterFrameKind.Buffering;
    }

    /// <summary>Notes the playout point at the start of a run of concealed frames.</summary>
    private void RememberWhereLossBegan()
    {
        if (_consecutiveConcealed == 0)
        {
            _lossStartSequence = _nextSequence;
            _lossStartTimestamp = _nextTimestamp;
        }
    }

    private JitterFrameKind ConcealOrSilence(int samples)
    {
        Span<short> target = _pending.AsSpan(_pendingCount, samples);
        _pendingCount += samples;
        if (_consecutiveConcealed < _options.MaxConsecutiveConcealedFrames)
        {
            _consecutiveConcealed++;
            Conceal(target);
            _concealed++;
            return JitterFrameKind.Concealed;
        }

        target.Clear();
        _silenced++;
        return JitterFrameKind.Silence;
    }

    /// <summary>
    /// Brings the buffered delay towards the target one 20 ms step per tick: conceals a frame without
    /// moving the playout point when too little is buffered, skips a packet when too much is.
    /// </summary>
    /// <remarks>
    /// The level compared is the recent peak of the buffer level at ticks (decaying 25 ms per second):
    /// the level when packets come fastest. Between ticks a late packet lowers the level for a moment,
    /// which the target already covers. The 40 ms between the two thresholds keeps a step from undoing the last one.
    /// </remarks>
    /// <returns><see cref="JitterFrameKind.Concealed"/> when a frame was inserted, else <see cref="JitterFrameKind.Decoded"/>.</returns>
    private JitterFrameKind MoveDelayTowardTarget()
    {
        double level = BufferedSamples() / (double)SamplesPerMillisecond;
        _peakLevelMilliseconds = Math.Max(level, _peakLevelMilliseconds - 0.5);
        if (_peakLevelMilliseconds < _targetMilliseconds - 10)
        {
            // Grow now, in one run of frames, rather than through underruns spread over the stream.
            if (_consecutiveConcealed < _options.MaxConsecutiveConcealedFrames)
            {
                Conceal(_pending.AsSpan(_pendingCount, _outputFrameSamples));
                _pendingCount += _outputFrameSamples;
                _consecutiveConcealed++;
                _expanded++;
                _peakLevelMilliseconds += FrameSamples / (double)SamplesPerMillisecond;
                return JitterFrameKind.Concealed;
            }

            return JitterFrameKind.Decoded;
        }

        // The waits of the last packets played show a spare frame (FastShrinkWindow), or the level is well above the target.
        bool fast = TakeFastShrink();
        if (!fast && _peakLevelMilliseconds <= _targetMilliseconds + 30)
        {
            return JitterFrameKind.Decoded;
        }

        // Skip only between two buffered packets, so the skip never opens a hole to conceal.
        int slot = SlotOf(_nextSequence);
        if (_slotSequences[slot] != _nextSequence || !IsOccupied(_nextSequence + 1))
        {
            return JitterFrameKind.Decoded;
        }

        _nextTimestamp = _slotTimestamps[slot] + _slotSampleCounts[slot];
        _nextSequence++;
        FreeSlot(slot);
        _skipped++;
        _peakLevelMilliseconds -= FrameSamples / (double)SamplesPerMillisecond;
        if (fast)
        {
            // The target comes down with the level at once, or the level rule would grow the delay straight back; a
            // late packet raises it again as usual.
            _targetMilliseconds = Math.Max(_options.MinimumDelay.TotalMilliseconds, Math.Min(_targetMilliseconds, _peakLevelMilliseconds));
            _shrinkOnProbation = true;
        }

        return JitterFrameKind.Decoded;
    }

    private static int Silence(Span<short> samples)
    {
        samples.Clear();
        return samples.Length;
    }

    private void Conceal(Span<short> target)
    {
        if (_decoding)
        {
            _decoder.Conceal(target);
        }
        else
        {
            target.Clear();
        }
    }

    /// <summary>Audio ahead of the playout point, in 48 kHz samples: pending decoded samples plus the buffered timestamp span.</summary>
    private long BufferedSamples()
    {
        long buffered = (long)_pendingCount * _timestampsPerSample;
        if (_bufferedCount > 0)
        {
            buffered += Math.Max(0, _highestTimestamp + _highestSampleCount - _nextTimestamp);
        }

        return buffered;
    }

    private void ResetPlayout()
    {
        _pendingCount = 0;
        _playing = false;
        _hasPlayed = false;
        _lastPacketTimestamps = FrameSamples;
        _consecutiveConcealed = 0;
    }

    private static void ThrowWrongFrameLength(int length, int expected) =>
        throw new ArgumentException($"A jitter buffer frame is {expected} samples (20 ms mono at the decoder's rate); got {length}.", "pcm");
}
