using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Meetings;

public sealed partial class MeetingService
{
    /// <summary>A plain RTP participant (SIP gateway, console, load harness) joins, admitted; the answer says where to send.</summary>
    public async Task<RtpParticipantJoined> AddRtpParticipantAsync(User caller, string meetingId, RtpParticipantRequest? request)
    {
        Meeting meeting = RequireOpenChair(caller, meetingId);
        string name = (request?.Name ?? string.Empty).Trim();
        if (request is null || name.Length is 0 or > MaxDisplayNameLength)
        {
            throw new DomainValidationException(MeetingErrors.InvalidRtpParticipant, $"The body must be {{name (1 to {MaxDisplayNameLength} characters), address, port, payloadType}}.");
        }

        if (!IPAddress.TryParse(request.Address, out IPAddress? address) || request.Port is < 1 or > 65535 || request.PayloadType is < 96 or > 127)
        {
            throw new DomainValidationException(MeetingErrors.InvalidRtpParticipant, "address must be an IP address, port 1–65535 and payloadType 96–127.");
        }

        var remote = new IPEndPoint(address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, request.Port);
        MeetingParticipant participant;
        lock (meeting.Sync)
        {
            string id;
            do
            {
                id = MeetingSecrets.NewParticipantId();
            }
            while (meeting.Find(id) is not null);

            participant = new MeetingParticipant(id, name, MeetingRole.Participant, MeetingSecrets.NewToken())
            {
                State = MeetingParticipantState.Admitted,
                RtpEndPoint = remote,
            };
            meeting.Add(participant);
        }

        MeetingRtpJoin join;
        try
        {
            join = Bridge(meeting).JoinPlainRtp(participant.Id, remote, (byte)request.PayloadType);
        }
        catch (ArgumentException refused)
        {
            lock (meeting.Sync)
            {
                participant.State = MeetingParticipantState.Removed;
            }

            throw new DomainValidationException(MeetingErrors.InvalidRtpParticipant, refused.Message, refused);
        }

        lock (meeting.Sync)
        {
            participant.MediaStarted = true;
        }

        LogJoined(_logger, meeting.Id, participant.Id, name, MeetingRole.Participant, MeetingParticipantState.Admitted);
        await AuditAsync(caller, MeetingAuditActions.RtpParticipantAdded, meeting, new Dictionary<string, string?> { ["participantId"] = participant.Id, ["participant"] = name, ["address"] = remote.ToString() }).ConfigureAwait(false);
        await PublishAsync(meeting).ConfigureAwait(false);
        return new RtpParticipantJoined(participant.Id, join.ServerEndpoint.Address.ToString(), join.ServerEndpoint.Port, join.ServerSsrc, join.PayloadType);
    }

    /// <summary>Starts recording the mix to a new Ogg Opus file; everyone sees the indicator.</summary>
    public async Task<MeetingRecordingView> StartRecordingAsync(User caller, string meetingId)
    {
        Meeting meeting = RequireOpenChair(caller, meetingId);
        string path = _recordings.NewFilePath(meeting.Id, _time.GetUtcNow());
        _recordings.Remember(new MeetingRecordingInfo(meeting.Id, meeting.Title, meeting.ChairUserId, meeting.ChairName, meeting.Created));
        lock (meeting.Sync)
        {
            if (meeting.RecordingFile is not null)
            {
                throw new DomainConflictException(MeetingErrors.AlreadyRecording, "The meeting is already being recorded.");
            }

            meeting.RecordingFile = path;
        }

        try
        {
            Bridge(meeting).StartRecording(path);
        }
        catch (InvalidOperationException refused)
        {
            lock (meeting.Sync)
            {
                meeting.RecordingFile = null;
            }

            throw new DomainConflictException(MeetingErrors.AlreadyRecording, refused.Message, refused);
        }

        await AuditAsync(caller, MeetingAuditActions.RecordingStarted, meeting, new Dictionary<string, string?> { ["file"] = Path.GetFileName(path) }).ConfigureAwait(false);
        await SendToAdmittedAsync(meeting, MeetingHub.RecordingChangedMethod, true).ConfigureAwait(false);
        await PublishAsync(meeting).ConfigureAwait(false);
        return RecordingViewOf(meeting.Id, new FileInfo(path), running: true);
    }

    /// <summary>Stops the recording and closes the file.</summary>
    public async Task<MeetingRecordingView> StopRecordingAsync(User caller, string meetingId)
    {
        Meeting meeting = RequireChair(caller, meetingId);
        string? path;
        lock (meeting.Sync)
        {
            path = meeting.RecordingFile;
            meeting.RecordingFile = null;
        }

        if (path is null)
        {
            throw new DomainConflictException(MeetingErrors.NotRecording, "The meeting is not being recorded.");
        }

        if (_bridges.TryGetValue(meeting.Id, out IMeetingMedia? bridge))
        {
            MeetingRecordingResult? result = await bridge.StopRecordingAsync().ConfigureAwait(false);
            path = result?.FilePath ?? path;
        }

        var file = new FileInfo(path);
        await AuditAsync(caller, MeetingAuditActions.RecordingStopped, meeting, new Dictionary<string, string?> { ["file"] = file.Name, ["bytes"] = file.Exists ? file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) : null }).ConfigureAwait(false);
        await SendToAdmittedAsync(meeting, MeetingHub.RecordingChangedMethod, false).ConfigureAwait(false);
        await PublishAsync(meeting).ConfigureAwait(false);
        return RecordingViewOf(meeting.Id, file, running: false);
    }

    /// <summary>The meeting's recordings on disk (also after it ended or the server restarted).</summary>
    public IReadOnlyList<MeetingRecordingView> ListRecordings(User caller, string meetingId)
    {
        RequireRecordingsChair(caller, meetingId);
        return RecordingViewsOf(meetingId);
    }

    /// <summary>Every meeting <paramref name="caller"/> chaired that has recordings, newest first, with its recordings.</summary>
    public IReadOnlyList<MeetingArchiveView> ListArchive(User caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var views = new List<MeetingArchiveView>();
        foreach (MeetingRecordingInfo info in _recordings.RecallChairedBy(caller.Id))
        {
            bool open = _registry.TryGet(info.MeetingId, out Meeting meeting) && meeting.State == MeetingState.Open;
            views.Add(new MeetingArchiveView(info.MeetingId, info.Title, info.Created, open, RecordingViewsOf(info.MeetingId)));
        }

        return views;
    }

    /// <summary>The path of one recording, for its download by the chair.</summary>
    public string RecordingPath(User caller, string meetingId, string fileName)
    {
        RequireRecordingsChair(caller, meetingId);
        return _recordings.TryGetPath(meetingId, fileName, out string path)
            ? path
            : throw new DomainNotFoundException(MeetingErrors.RecordingNotFound, $"Meeting '{meetingId}' has no recording '{fileName}'.");
    }

    /// <summary>Sends the mix live to loudspeaker clusters through the broadcast engine (its scope and priority rules apply).</summary>
    public async Task<BroadcastView> StartBroadcastAsync(User caller, string meetingId, MeetingBroadcastRequest? request, CancellationToken cancellationToken)
    {
        Meeting meeting = RequireOpenChair(caller, meetingId);
        IBroadcastService broadcasts = _broadcasts
            ?? throw new DomainConflictException(MeetingErrors.BroadcastUnavailable, "Broadcasting is not available on this server.");
        lock (meeting.Sync)
        {
            if (meeting.BroadcastId is not null)
            {
                throw new DomainConflictException(MeetingErrors.AlreadyBroadcasting, $"The meeting already goes to loudspeakers (broadcast {meeting.BroadcastId}).");
            }
        }

        string title = string.IsNullOrWhiteSpace(request?.Title) ? "Họp: " + meeting.Title : request.Title.Trim();
        IAudioSource source = Bridge(meeting).OpenMixSource("meeting " + meeting.Id);
        BroadcastView view;
        try
        {
            view = await broadcasts.StartLiveAsync(caller, title, request?.ClusterIds ?? [], request?.AreaIds ?? [], BroadcastLevel.Normal, source, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Refused (scope, priority, no clusters): the mix copy is not needed.
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        lock (meeting.Sync)
        {
            meeting.BroadcastId = view.Id;
        }

        await PublishAsync(meeting).ConfigureAwait(false);
        return view;
    }

    /// <summary>Takes the mix off the loudspeakers.</summary>
    public async Task<MeetingView> StopBroadcastAsync(User caller, string meetingId, CancellationToken cancellationToken)
    {
        Meeting meeting = RequireChair(caller, meetingId);
        string? broadcastId;
        lock (meeting.Sync)
        {
            broadcastId = meeting.BroadcastId;
            meeting.BroadcastId = null;
        }

        if (broadcastId is null)
        {
            throw new DomainConflictException(MeetingErrors.NotBroadcasting, "The meeting is not going to loudspeakers.");
        }

        if (_broadcasts is not null)
        {
            await CancelBroadcastQuietlyAsync(caller, broadcastId, cancellationToken).ConfigureAwait(false);
        }

        await PublishAsync(meeting).ConfigureAwait(false);
        return ViewOf(meeting);
    }

    /// <summary>The bridge's counters (the listener mix is encoded once per tick) and each participant's media.</summary>
    public MeetingMediaStats GetMediaStats(User caller, string meetingId)
    {
        Meeting meeting = RequireChair(caller, meetingId);
        if (!_bridges.TryGetValue(meeting.Id, out IMeetingMedia? bridge))
        {
            return new MeetingMediaStats(false, 0, 0, 0, 0, 0, 0, []);
        }

        MeetingMediaCounters counters = bridge.Counters;
        return new MeetingMediaStats(true, counters.Ticks, counters.ListenerMixEncodes, counters.TalkerMixEncodes, counters.FramesDecoded, counters.SilentFramesNotDecoded, counters.PacketsDropped, bridge.GetParticipants());
    }

    /// <summary>
    /// The chair check for recordings: the meeting in memory, or else what its recordings folder remembers (the
    /// meeting ended long ago or before a restart).
    /// </summary>
    private void RequireRecordingsChair(User caller, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!string.IsNullOrEmpty(meetingId) && _registry.TryGet(meetingId, out _))
        {
            RequireChair(caller, meetingId);
            return;
        }

        if (!_recordings.TryRecall(meetingId, out MeetingRecordingInfo info))
        {
            throw new DomainNotFoundException(MeetingErrors.MeetingNotFound, $"No meeting '{meetingId}' and no recordings of it.");
        }

        if (info.ChairUserId != caller.Id)
        {
            throw new DomainForbiddenException(MeetingErrors.NotChair, $"Only the chair of meeting '{meetingId}' ({info.ChairName}) may do this.");
        }
    }

    private List<MeetingRecordingView> RecordingViewsOf(string meetingId)
    {
        string? running = null;
        if (_registry.TryGet(meetingId, out Meeting meeting))
        {
            lock (meeting.Sync)
            {
                running = meeting.RecordingFile;
            }
        }

        var views = new List<MeetingRecordingView>();
        foreach (FileInfo file in _recordings.List(meetingId))
        {
            views.Add(RecordingViewOf(meetingId, file, running is not null && string.Equals(file.FullName, Path.GetFullPath(running), StringComparison.Ordinal)));
        }

        return views;
    }

    private static MeetingRecordingView RecordingViewOf(string meetingId, FileInfo file, bool running) => new(
        file.Name,
        file.Exists ? file.Length : 0,
        file.Exists ? new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero) : DateTimeOffset.MinValue,
        "/api/meetings/" + Uri.EscapeDataString(meetingId) + "/recordings/" + Uri.EscapeDataString(file.Name),
        running);

    private IMeetingMedia Bridge(Meeting meeting)
    {
        try
        {
            return _bridges.GetOrAdd(meeting.Id, (id, self) =>
            {
                IMeetingMedia bridge = self._media.Open(id);
                bridge.TalkersChanged += self.OnTalkersChanged;
                bridge.ParticipantDisconnected += self.OnParticipantDisconnected;
                return bridge;
            }, this);
        }
        catch (RoomException unavailable)
        {
            throw new DomainConflictException(MeetingErrors.MediaUnavailable, unavailable.Message, unavailable);
        }
    }

    private void Unsubscribe(IMeetingMedia bridge)
    {
        bridge.TalkersChanged -= OnTalkersChanged;
        bridge.ParticipantDisconnected -= OnParticipantDisconnected;
    }

    private void OnTalkersChanged(object? sender, MeetingTalkersChangedEventArgs changed)
    {
        if (sender is IMeetingMedia bridge && _registry.TryGet(bridge.MeetingId, out Meeting meeting))
        {
            _ = PushTalkersAsync(meeting, changed.Talkers);
        }
    }

    private async Task PushTalkersAsync(Meeting meeting, IReadOnlyList<string> talkers)
    {
        try
        {
            await SendToAdmittedAsync(meeting, MeetingHub.TalkersChangedMethod, talkers).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            LogEventFailed(_logger, failure, meeting.Id);
        }
    }

    private void OnParticipantDisconnected(object? sender, MeetingParticipantDisconnectedEventArgs disconnected)
    {
        if (sender is IMeetingMedia bridge && _registry.TryGet(bridge.MeetingId, out Meeting meeting))
        {
            _ = HandleMediaEndedAsync(meeting, disconnected.ParticipantId);
        }
    }

    private async Task HandleMediaEndedAsync(Meeting meeting, string participantId)
    {
        try
        {
            lock (meeting.Sync)
            {
                if (meeting.Find(participantId) is { } participant)
                {
                    participant.MediaStarted = false;

                    // A plain RTP participant has no page to come back from: silence for 30 s means it left.
                    if (participant.RtpEndPoint is not null)
                    {
                        participant.State = MeetingParticipantState.Removed;
                    }
                }
            }

            await PublishAsync(meeting).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            LogEventFailed(_logger, failure, meeting.Id);
        }
    }

    private void OnBroadcastChanged(object? sender, BroadcastView view)
    {
        if (view.State != BroadcastState.Ended)
        {
            return;
        }

        foreach (Meeting meeting in _registry.All)
        {
            bool changed = false;
            lock (meeting.Sync)
            {
                if (string.Equals(meeting.BroadcastId, view.Id, StringComparison.Ordinal))
                {
                    meeting.BroadcastId = null;
                    changed = true;
                }
            }

            if (changed)
            {
                _ = PublishQuietlyAsync(meeting);
            }
        }
    }

    private async Task PublishQuietlyAsync(Meeting meeting)
    {
        try
        {
            await PublishAsync(meeting).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            LogEventFailed(_logger, failure, meeting.Id);
        }
    }

    private async Task CancelBroadcastQuietlyAsync(User caller, string broadcastId, CancellationToken cancellationToken)
    {
        try
        {
            await _broadcasts!.CancelAsync(caller, broadcastId, null, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException)
        {
            // Already ended, or preempted and cancelled by someone else: nothing left to stop.
        }
    }
}
