using System.Net;
using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Integration.Tests.Meetings;

/// <summary>A bridge that answers offers with a fixed SDP, records joins, mutes and recordings, and raises the events on demand.</summary>
internal sealed class FakeMeetingMedia(string meetingId) : IMeetingMedia
{
    public const string Answer = "v=0\r\ns=fake answer\r\n";

    private readonly Dictionary<string, bool> _muted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _plainRtp = new(StringComparer.Ordinal);

    public event EventHandler<MeetingTalkersChangedEventArgs>? TalkersChanged;

    public event EventHandler<MeetingParticipantDisconnectedEventArgs>? ParticipantDisconnected;

    public string MeetingId { get; } = meetingId;

    public MeetingMediaCounters Counters { get; } = new();

    public bool IsRecording => RecordingPath is not null;

    public string? RecordingPath { get; private set; }

    public List<string> Offers { get; } = [];

    public List<(string ParticipantId, IPEndPoint Remote, byte PayloadType)> PlainRtpJoins { get; } = [];

    public List<string> Left { get; } = [];

    public List<FakeMixSource> MixSources { get; } = [];

    public Task<string> JoinWebRtcAsync(string participantId, string offerSdp, CancellationToken cancellationToken)
    {
        lock (_muted)
        {
            Offers.Add(participantId + ":" + offerSdp);
            _muted.TryAdd(participantId, false);
            _plainRtp[participantId] = false;
        }

        return Task.FromResult(Answer);
    }

    public MeetingRtpJoin JoinPlainRtp(string participantId, IPEndPoint remote, byte payloadType)
    {
        if (payloadType is < 96 or > 127)
        {
            throw new ArgumentException("payload type outside 96-127", nameof(payloadType));
        }

        lock (_muted)
        {
            PlainRtpJoins.Add((participantId, remote, payloadType));
            _muted.TryAdd(participantId, false);
            _plainRtp[participantId] = true;
        }

        return new MeetingRtpJoin(new IPEndPoint(IPAddress.Loopback, 40004), 0x1234_5678, payloadType);
    }

    public void Leave(string participantId)
    {
        lock (_muted)
        {
            Left.Add(participantId);
            _muted.Remove(participantId);
        }
    }

    public void SetMuted(string participantId, bool muted)
    {
        lock (_muted)
        {
            if (_muted.ContainsKey(participantId))
            {
                _muted[participantId] = muted;
            }
        }
    }

    /// <summary>Whether the bridge ignores the participant now (null when it has no media).</summary>
    public bool? IsMuted(string participantId)
    {
        lock (_muted)
        {
            return _muted.TryGetValue(participantId, out bool muted) ? muted : null;
        }
    }

    public IReadOnlyList<MeetingParticipantMedia> GetParticipants()
    {
        lock (_muted)
        {
            var list = new List<MeetingParticipantMedia>();
            foreach ((string id, bool muted) in _muted)
            {
                list.Add(new MeetingParticipantMedia(id, _plainRtp[id], true, muted, false, 127, 0, 0));
            }

            return list;
        }
    }

    public void StartRecording(string filePath)
    {
        if (RecordingPath is not null)
        {
            throw new InvalidOperationException("already recording");
        }

        RecordingPath = filePath;
        File.WriteAllBytes(filePath, [0x4F, 0x67, 0x67, 0x53]);
    }

    public Task<MeetingRecordingResult?> StopRecordingAsync()
    {
        string? path = RecordingPath;
        RecordingPath = null;
        return Task.FromResult(path is null ? null : new MeetingRecordingResult(path, TimeSpan.FromSeconds(1), new FileInfo(path).Length));
    }

    public IAudioSource OpenMixSource(string description)
    {
        var source = new FakeMixSource(description);
        MixSources.Add(source);
        return source;
    }

    public void RaiseTalkers(params string[] talkers) => TalkersChanged?.Invoke(this, new MeetingTalkersChangedEventArgs(talkers));

    public void RaiseDisconnected(string participantId) => ParticipantDisconnected?.Invoke(this, new MeetingParticipantDisconnectedEventArgs(participantId, "test"));
}
