using VanYen.Media.Engine.Audio.Levels;

namespace VanYen.Media.Engine.Audio.Mixing;

/// <summary>Talker selection: the loudest K inputs, held through pauses by the hangover.</summary>
public sealed partial class AudioMixer
{
    // Fraction of the gap a talker's score closes per frame when it gets quieter:
    // a slow release keeps the ranking steady through the dips of speech.
    private const float ScoreRelease = 0.1f;

    /// <summary>
    /// Starts a tick: ranks the inputs by their reported RFC 6464 level (or, without one,
    /// the energy of their last submitted frame), keeps talkers through
    /// <see cref="AudioMixerOptions.HangoverFrames"/> quiet frames, lets a clearly louder
    /// newcomer displace the quietest talker, and returns the talkers (at most K input ids).
    /// </summary>
    public ReadOnlySpan<int> SelectTalkers()
    {
        long tick = ++_tick;
        long freshSince = tick - _levelLifetime;
        _decodeCount = 0;

        for (int input = 0; input < _slotCount; input++)
        {
            if (!_inUse[input])
            {
                continue;
            }

            bool reported = _reportTick[input] >= freshSince;
            if (!reported)
            {
                // No level from the packet: the frame must be decoded so its energy can rank it next tick.
                _decodeList[_decodeCount++] = input;
            }

            int level = CurrentLevel(input, reported, freshSince);
            if (level > _activityThreshold || _gain[input] == 0)
            {
                continue;
            }

            float loudness = AudioLevel.MaximumLevel - level;
            bool resuming = _seatOf[input] == NoSeat && tick - _lastActiveTick[input] > _hangoverFrames;
            if (resuming || loudness >= _score[input])
            {
                _score[input] = loudness;
            }
            else
            {
                _score[input] += (loudness - _score[input]) * ScoreRelease;
            }

            _lastActiveTick[input] = tick;
        }

        for (int seat = _talkerCount - 1; seat >= 0; seat--)
        {
            int talker = _talkers[seat];
            if (_gain[talker] == 0 || tick - _lastActiveTick[talker] > _hangoverFrames)
            {
                Unseat(talker);
            }
        }

        FillSeats(tick);

        for (int seat = 0; seat < _talkerCount; seat++)
        {
            int talker = _talkers[seat];
            if (_reportTick[talker] >= freshSince)
            {
                _decodeList[_decodeCount++] = talker;
            }
        }

        return Talkers;
    }

    private int CurrentLevel(int input, bool reported, long freshSince)
    {
        if (reported)
        {
            return _useVoiceFlag && !_reportedVoice[input] ? AudioLevel.MaximumLevel : _reportedLevel[input];
        }

        return _frameTick[input] >= freshSince ? _meters[input].Level : AudioLevel.MaximumLevel;
    }

    private void FillSeats(long tick)
    {
        // Candidates go in order of score; each either takes a free seat, displaces the
        // quietest talker, or ends the search, so this runs at most 2K + 1 times.
        while (true)
        {
            int candidate = LoudestCandidate(tick);
            if (candidate < 0)
            {
                return;
            }

            _consideredTick[candidate] = tick;
            if (_talkerCount < _maxTalkers)
            {
                Seat(candidate);
                continue;
            }

            int weakest = QuietestTalker();
            if (_score[candidate] <= _score[weakest] + _displacementMargin)
            {
                return;
            }

            Unseat(weakest);
            _consideredTick[weakest] = tick;
            Seat(candidate);
        }
    }

    private int LoudestCandidate(long tick)
    {
        int best = -1;
        float bestScore = float.MinValue;
        for (int input = 0; input < _slotCount; input++)
        {
            if (_inUse[input]
                && _lastActiveTick[input] == tick
                && _seatOf[input] == NoSeat
                && _consideredTick[input] != tick
                && _score[input] > bestScore)
            {
                best = input;
                bestScore = _score[input];
            }
        }

        return best;
    }

    private int QuietestTalker()
    {
        int weakest = _talkers[0];
        for (int seat = 1; seat < _talkerCount; seat++)
        {
            int talker = _talkers[seat];
            if (_score[talker] < _score[weakest])
            {
                weakest = talker;
            }
        }

        return weakest;
    }

    private void Seat(int input)
    {
        _seatOf[input] = _talkerCount;
        _talkers[_talkerCount++] = input;
        TalkerChanges++;
    }

    private void Unseat(int input)
    {
        int seat = _seatOf[input];
        int last = --_talkerCount;
        if (seat != last)
        {
            // Seats only index this tick's buffers, which Mix rewrites, so a talker may move seat.
            int moved = _talkers[last];
            _talkers[seat] = moved;
            _seatOf[moved] = seat;
        }

        _seatOf[input] = NoSeat;
        TalkerChanges++;
    }

    private void RemoveFromDecodeList(int input)
    {
        int index = Array.IndexOf(_decodeList, input, 0, _decodeCount);
        if (index >= 0)
        {
            Array.Copy(_decodeList, index + 1, _decodeList, index, _decodeCount - index - 1);
            _decodeCount--;
        }
    }
}
