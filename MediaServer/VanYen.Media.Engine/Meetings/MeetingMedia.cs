using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Mixing;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Live;

namespace VanYen.Media.Engine.Meetings;

/// <summary>
/// One meeting's MCU audio bridge (see <see cref="IMeetingMedia"/>): participants, the mixer and the encoders,
/// driven by the media clock (<see cref="OnTick"/>, in MeetingMedia.Tick.cs).
/// </summary>
/// <remarks>
/// One lock guards the participants, the mixer and the encoders: the clock thread holds it for a tick (well under a
/// millisecond), joins and leaves take it briefly. The receive loops never take it: a packet goes straight into the
/// participant's jitter buffer (which has its own lock) and its level into a volatile field.
/// </remarks>
internal sealed partial class MeetingMedia : IMeetingMedia, IMediaClockHandler
{
    private readonly MeetingMediaService _service;
    private readonly MeetingMediaOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly AudioMixer _mixer;
    private readonly List<MeetingParticipant> _participants = [];
    private readonly Dictionary<string, MeetingParticipant> _byId = new(StringComparer.Ordinal);
    private readonly OpusEncoderOptions _encoderOptions;
    private readonly OpusAudioEncoder _listenerEncoder;
    private readonly Stack<OpusAudioEncoder> _encoderPool = new();
    private readonly List<MeetingMixSource> _mixSources = [];
    private MeetingParticipant?[] _byInput = new MeetingParticipant?[16];
    private long[] _decodeTick = new long[16];
    private bool _closed;

    public MeetingMedia(MeetingMediaService service, string meetingId, MeetingMediaOptions options, ILogger logger)
    {
        _service = service;
        _options = options;
        _logger = logger;
        MeetingId = meetingId;
        _mixer = new AudioMixer(new AudioMixerOptions { MaxTalkers = options.MaxTalkers, HangoverFrames = options.HangoverFrames, FrameSamples = options.FrameSamples });
        _encoderOptions = options.EncoderAtSampleRate;
        _listenerEncoder = new OpusAudioEncoder(_encoderOptions);
        for (int i = 0; i < options.MaxTalkers; i++)
        {
            _encoderPool.Push(new OpusAudioEncoder(_encoderOptions));
        }

        _announcedTalkers = new int[options.MaxTalkers];
        _talkersChangedIntervalTicks = (long)(options.TalkersChangedInterval.TotalSeconds * options.TimeProvider.TimestampFrequency);
    }

    /// <inheritdoc/>
    public string MeetingId { get; }

    /// <inheritdoc/>
    public MeetingMediaCounters Counters { get; } = new();

    /// <inheritdoc/>
    public event EventHandler<MeetingTalkersChangedEventArgs>? TalkersChanged;

    /// <inheritdoc/>
    public event EventHandler<MeetingParticipantDisconnectedEventArgs>? ParticipantDisconnected;

    /// <inheritdoc/>
    public MeetingRtpJoin JoinPlainRtp(string participantId, IPEndPoint remote, byte payloadType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(participantId);
        ArgumentNullException.ThrowIfNull(remote);
        if (payloadType is < 96 or > 127)
        {
            throw new ArgumentException("A plain RTP participant's Opus payload type is dynamic: 96 to 127.", nameof(payloadType));
        }

        if (!IsUnicast(remote))
        {
            throw new ArgumentException("A plain RTP participant needs a unicast address and a port.", nameof(remote));
        }

        MeetingRtpPort port = _service.RtpPort;
        var participant = new MeetingParticipant(this, participantId, NewInput(), NewSsrc(), payloadType, _options.PlainRtpAudioLevelExtensionId, port, remote);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            RemoveLocked(participantId);
            if (!port.TryAdd(participant))
            {
                participant.Dispose();
                throw new ArgumentException($"Another plain RTP participant already uses {remote}.", nameof(remote));
            }

            AddLocked(participant);
        }

        LogJoined(_logger, MeetingId, participantId, "plain RTP " + remote);
        return new MeetingRtpJoin(new IPEndPoint(_service.AnnouncedAddress, port.LocalEndPoint.Port), participant.Ssrc, payloadType);
    }

    /// <inheritdoc/>
    public void Leave(string participantId)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        MeetingParticipant? removed;
        lock (_lock)
        {
            removed = RemoveLocked(participantId);
        }

        if (removed is not null)
        {
            LogLeft(_logger, MeetingId, participantId, "left");
        }
    }

    /// <inheritdoc/>
    public void SetMuted(string participantId, bool muted)
    {
        lock (_lock)
        {
            if (_byId.TryGetValue(participantId, out MeetingParticipant? participant))
            {
                participant.Muted = muted;
                _mixer.SetMuted(participant.MixerInput, muted);
            }
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<MeetingParticipantMedia> GetParticipants()
    {
        lock (_lock)
        {
            var list = new List<MeetingParticipantMedia>(_participants.Count);
            foreach (MeetingParticipant participant in _participants)
            {
                var statistics = participant.Input.Statistics;
                list.Add(new MeetingParticipantMedia(
                    participant.Id, participant.PlainRtp, participant.Connected, participant.Muted,
                    _mixer.IsTalker(participant.MixerInput), participant.Level, participant.Input.PacketsReceived,
                    statistics.Concealed + statistics.FecRecovered + statistics.SilencedFrames));
            }

            return list;
        }
    }

    /// <inheritdoc/>
    public IAudioSource OpenMixSource(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        var source = new MeetingMixSource(this, description, _options.SampleRate);
        lock (_lock)
        {
            if (_closed)
            {
                source.Complete();
            }
            else
            {
                _mixSources.Add(source);
            }
        }

        return source;
    }

    /// <summary>The participant's media (tests and diagnostics).</summary>
    internal MeetingParticipant? FindParticipant(string participantId)
    {
        lock (_lock)
        {
            return _byId.GetValueOrDefault(participantId);
        }
    }

    /// <summary>Counts a dropped packet and logs it (at most once a second per meeting); receive loop.</summary>
    internal void OnPacketDropped(MeetingParticipant participant, string reason)
    {
        Counters.AddPacketDropped();
        long now = _options.TimeProvider.GetTimestamp();
        long last = Interlocked.Read(ref _lastDropLogTimestamp);
        if (now - last >= _options.TimeProvider.TimestampFrequency && Interlocked.CompareExchange(ref _lastDropLogTimestamp, now, last) == last)
        {
            LogPacketDropped(_logger, MeetingId, participant.Id, reason, Counters.PacketsDropped);
        }
    }

    internal void RemoveMixSource(MeetingMixSource source)
    {
        lock (_lock)
        {
            _mixSources.Remove(source);
        }
    }

    /// <summary>Ends every participant's media, the recording and the mix sources; the clock handler is already removed.</summary>
    internal async ValueTask CloseAsync()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            for (int i = _participants.Count - 1; i >= 0; i--)
            {
                RemoveLocked(_participants[i].Id);
            }

            foreach (MeetingMixSource source in _mixSources)
            {
                source.Complete();
            }

            _mixSources.Clear();
        }

        await StopRecordingAsync().ConfigureAwait(false);
        lock (_lock)
        {
            _listenerEncoder.Dispose();
            while (_encoderPool.TryPop(out OpusAudioEncoder? encoder))
            {
                encoder.Dispose();
            }
        }
    }

    private static bool IsUnicast(IPEndPoint remote)
    {
        IPAddress address = remote.Address;
        if (remote.Port == 0 || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        return address.AddressFamily == AddressFamily.InterNetwork
            ? (address.GetAddressBytes()[0] & 0xF0) != 0xE0
            : !address.IsIPv6Multicast;
    }

    private static uint NewSsrc() => (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    private LiveOpusInput NewInput() => new(_options.Jitter, _options.TimeProvider, _options.SampleRate);

    private void AddLocked(MeetingParticipant participant)
    {
        int input = _mixer.AddInput();
        participant.MixerInput = input;
        if (input >= _byInput.Length)
        {
            Array.Resize(ref _byInput, Math.Max(_byInput.Length * 2, input + 1));
            Array.Resize(ref _decodeTick, _byInput.Length);
        }

        _byInput[input] = participant;
        _decodeTick[input] = long.MinValue;
        _participants.Add(participant);
        _byId[participant.Id] = participant;
    }

    private MeetingParticipant? RemoveLocked(string participantId)
    {
        if (!_byId.Remove(participantId, out MeetingParticipant? participant))
        {
            return null;
        }

        participant.Ended = true;
        _participants.Remove(participant);
        _mixer.RemoveInput(participant.MixerInput);
        _byInput[participant.MixerInput] = null;
        ReleaseTalkerEncoder(participant);
        if (participant.PlainRtp)
        {
            _service.RtpPort.Remove(participant);
        }
        else if (participant.Peer is { } peer)
        {
            if (ReferenceEquals(peer.Sink, participant))
            {
                peer.Sink = null;
            }

            _service.EndSession(participant.SessionId!);
        }

        participant.Dispose();
        return participant;
    }

    private void ReleaseTalkerEncoder(MeetingParticipant participant)
    {
        if (participant.TalkerEncoder is { } encoder)
        {
            participant.TalkerEncoder = null;
            _encoderPool.Push(encoder);
        }
    }

    private OpusAudioEncoder RentTalkerEncoder()
    {
        // Only when a participant takes a talker seat; the pool starts with K encoders, so this allocates only if
        // seats turn over faster than encoders come back (never in steady state).
        OpusAudioEncoder encoder = _encoderPool.TryPop(out OpusAudioEncoder? pooled) ? pooled : new OpusAudioEncoder(_encoderOptions);
        encoder.Reset();
        return encoder;
    }
}
