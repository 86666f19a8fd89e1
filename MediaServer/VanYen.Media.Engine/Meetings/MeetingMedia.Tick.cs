using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Engine.Meetings;

// The 20 ms tick: levels → talker selection → decode talkers only → mix → one listener encode → K mix-minus encodes → send.
internal sealed partial class MeetingMedia
{
    // How often (in ticks) plain RTP participants are checked for silence: once a second is plenty for a 30 s timeout.
    private const int SilenceCheckTicks = 50;

    private readonly byte[] _listenerPacket = new byte[MeetingParticipant.HeaderLength + MeetingParticipant.MaxOpusPacketLength];
    // The tick's plain RTP packets, sent together (one sendmmsg per 64) once every encode is done.
    private readonly PacketSendBatch _sendBatch = new();
    private readonly int[] _announcedTalkers;
    private readonly long _talkersChangedIntervalTicks;
    private int _announcedCount;
    private long _lastAnnounceTimestamp = long.MinValue / 2;
    private long _tickCount;

    /// <summary>Runs one tick on the clock's thread; allocates nothing in steady state.</summary>
    public void OnTick(long tick)
    {
        lock (_lock)
        {
            if (_closed || _participants.Count == 0)
            {
                return;
            }

            RunTick();
        }
    }

    private void RunTick()
    {
        long tick = ++_tickCount;
        Counters.AddTick();

        // Left filled only by a tick that failed half-way: its packets are stale now.
        _sendBatch.Clear();
        List<MeetingParticipant> participants = _participants;
        for (int i = 0; i < participants.Count; i++)
        {
            MeetingParticipant participant = participants[i];
            if (participant.TakeLevel(out byte level, out bool voice))
            {
                _mixer.ReportLevel(participant.MixerInput, level, voice);
                participant.Level = level;
            }
        }

        _mixer.SelectTalkers();
        foreach (int input in _mixer.InputsToDecode)
        {
            _decodeTick[input] = tick;
        }

        DecodeOrSkip(participants, tick);
        _mixer.Mix();

        // The shared listener mix: encoded once, whatever the number of listeners.
        Span<byte> listenerPayload = _listenerPacket.AsSpan(MeetingParticipant.HeaderLength);
        int listenerLength = _listenerEncoder.Encode(_mixer.ListenerMix, listenerPayload);
        Counters.AddListenerMixEncode();
        WriteRecording(listenerPayload[..listenerLength]);
        for (int i = 0; i < _mixSources.Count; i++)
        {
            _mixSources[i].Write(_mixer.ListenerMix);
        }

        for (int i = 0; i < participants.Count; i++)
        {
            MeetingParticipant participant = participants[i];
            if (_mixer.IsTalker(participant.MixerInput))
            {
                // A talker hears the others without itself: its own encode, in its own buffer.
                participant.TalkerEncoder ??= RentTalkerEncoder();
                Span<byte> packet = participant.TalkerPacket;
                int length = participant.TalkerEncoder.Encode(_mixer.MixMinus(participant.MixerInput), packet[MeetingParticipant.HeaderLength..]);
                Counters.AddTalkerMixEncode();
                participant.SendFrame(packet, length, _sendBatch);
            }
            else
            {
                ReleaseTalkerEncoder(participant);
                participant.SendFrame(_listenerPacket, listenerLength, _sendBatch);
            }
        }

        _service.RtpPort.Flush(_sendBatch);
        RecordLatency();
        AnnounceTalkersIfChanged();
        if (tick % SilenceCheckTicks == 0)
        {
            DisconnectSilentPlainRtp();
        }
    }

    private void DecodeOrSkip(List<MeetingParticipant> participants, long tick)
    {
        for (int i = 0; i < participants.Count; i++)
        {
            MeetingParticipant participant = participants[i];
            int input = participant.MixerInput;
            if (_decodeTick[input] == tick && !participant.Muted)
            {
                JitterFrameKind kind = participant.Input.Pop(_mixer.InputBuffer(input));
                _mixer.CommitFrame(input);
                long arrival = participant.Input.LastPlayedArrivalTimestamp;
                participant.PlayedArrival = kind == JitterFrameKind.Decoded && arrival != participant.ProbedArrival ? arrival : 0;
                participant.ProbedArrival = arrival;
                if (kind != JitterFrameKind.Buffering)
                {
                    Counters.AddFrameDecoded();
                    if (participant.AudioLevelExtensionId == 0)
                    {
                        participant.Level = AudioLevelMeter.MeasureLevel(_mixer.InputBuffer(input));
                    }
                }
            }
            else
            {
                // Not heard this tick: the jitter buffer still moves on, so the input stays in time, but nothing is
                // decoded (neither a packet nor the concealment a decoder would have run for a late one).
                participant.PlayedArrival = 0;
                if (participant.Input.Skip() != JitterFrameKind.Buffering)
                {
                    Counters.AddSilentFrameNotDecoded();
                }
            }
        }
    }

    private void RecordLatency()
    {
        if (_options.LatencyProbe is not { } probe)
        {
            return;
        }

        long now = _options.TimeProvider.GetTimestamp();
        foreach (int talker in _mixer.Talkers)
        {
            MeetingParticipant? participant = _byInput[talker];
            if (participant is { PlayedArrival: > 0 })
            {
                probe.Record(now - participant.PlayedArrival);
                participant.PlayedArrival = 0;
            }
        }
    }

    private void AnnounceTalkersIfChanged()
    {
        ReadOnlySpan<int> talkers = _mixer.Talkers;
        bool changed = talkers.Length != _announcedCount;
        for (int i = 0; !changed && i < talkers.Length; i++)
        {
            changed = Array.IndexOf(_announcedTalkers, talkers[i], 0, _announcedCount) < 0;
        }

        long now = _options.TimeProvider.GetTimestamp();
        if (!changed || now - _lastAnnounceTimestamp < _talkersChangedIntervalTicks)
        {
            return;
        }

        _lastAnnounceTimestamp = now;
        talkers.CopyTo(_announcedTalkers);
        _announcedCount = talkers.Length;

        // Only when the talkers change (a few times a minute): the list and the work item may allocate.
        var ordered = new List<MeetingParticipant>(talkers.Length);
        foreach (int talker in talkers)
        {
            if (_byInput[talker] is { } participant)
            {
                ordered.Add(participant);
            }
        }

        ordered.Sort(static (a, b) => a.Level.CompareTo(b.Level));
        var ids = new string[ordered.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = ordered[i].Id;
        }

        var args = new MeetingTalkersChangedEventArgs(ids);
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Meeting.RaiseTalkersChanged(state.Args), (Meeting: this, Args: args), preferLocal: false);
    }

    private void RaiseTalkersChanged(MeetingTalkersChangedEventArgs args)
    {
        try
        {
            TalkersChanged?.Invoke(this, args);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogHandlerFailed(_logger, MeetingId, exception);
        }
    }

    private void DisconnectSilentPlainRtp()
    {
        for (int i = _participants.Count - 1; i >= 0; i--)
        {
            MeetingParticipant participant = _participants[i];
            if (participant.PlainRtp && participant.Input.IsIdleFor(_options.PlainRtpSilenceTimeout))
            {
                // Disconnect takes the lock again (re-entrant) and raises the event off this thread.
                Disconnect(participant, "plain RTP silent for " + _options.PlainRtpSilenceTimeout.TotalSeconds + " s");
            }
        }
    }
}
