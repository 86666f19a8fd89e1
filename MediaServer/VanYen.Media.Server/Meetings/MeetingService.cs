using System.Collections.Concurrent;
using VanYen.Media.Engine.Meetings;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Meetings;

namespace VanYen.Media.Server.Meetings;

/// <summary>
/// Meetings (họp trực tuyến) as the API and the hub see them: creation by a signed-in chair, join tokens and the
/// lobby, chair actions (admit, mute, ask to unmute, mute all, remove, give the floor, lock, record, send to
/// broadcast, end), each participant's audio on the bridge (<see cref="IMeetingMediaService"/>), and the pushes to
/// every browser. REST refusals are <see cref="DomainException"/>s; the hub's are <see cref="MeetingRefusedException"/>s.
/// </summary>
public sealed partial class MeetingService : IMeetingConductor, IAsyncDisposable
{
    /// <summary>Longest title.</summary>
    public const int MaxTitleLength = 120;

    /// <summary>Longest display name.</summary>
    public const int MaxDisplayNameLength = 60;

    private readonly MeetingRegistry _registry;
    private readonly IMeetingMediaService _media;
    private readonly IMeetingNotifier _notifier;
    private readonly MeetingRecordingStore _recordings;
    private readonly IBroadcastService? _broadcasts;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<MeetingService> _logger;
    private readonly ConcurrentDictionary<string, IMeetingMedia> _bridges = new(StringComparer.Ordinal);

    /// <summary>Creates the service; <paramref name="broadcasts"/> is null on a server without broadcasting (the bridge to broadcast then says why).</summary>
    public MeetingService(
        MeetingRegistry registry,
        IMeetingMediaService media,
        IMeetingNotifier notifier,
        MeetingRecordingStore recordings,
        IBroadcastService? broadcasts,
        IAuditLog audit,
        TimeProvider time,
        ILogger<MeetingService> logger)
    {
        _registry = registry;
        _media = media;
        _notifier = notifier;
        _recordings = recordings;
        _broadcasts = broadcasts;
        _audit = audit;
        _time = time;
        _logger = logger;
        if (_broadcasts is not null)
        {
            _broadcasts.Changed += OnBroadcastChanged;
        }
    }

    /// <summary>Creates a meeting chaired by <paramref name="caller"/> with one lobby join link.</summary>
    public async Task<MeetingCreated> CreateAsync(User caller, CreateMeetingRequest? request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string title = (request?.Title ?? string.Empty).Trim();
        if (title.Length is 0 or > MaxTitleLength)
        {
            throw new DomainValidationException(MeetingErrors.InvalidTitle, $"The title must have 1 to {MaxTitleLength} characters.");
        }

        Meeting meeting = _registry.Create(title, caller.Id, caller.DisplayName);
        string joinToken = MeetingSecrets.NewToken();
        lock (meeting.Sync)
        {
            meeting.AddJoinToken(joinToken, admitDirectly: false);
        }

        LogCreated(_logger, meeting.Id, caller.Username);
        await AuditAsync(caller, MeetingAuditActions.Created, meeting).ConfigureAwait(false);
        return new MeetingCreated(meeting.Id, meeting.Title, LinkOf(meeting.Id, joinToken), joinToken, LinkOf(meeting.Id, meeting.ChairToken), meeting.ChairToken);
    }

    /// <summary>The meetings <paramref name="caller"/> chairs, newest first.</summary>
    public IReadOnlyList<MeetingView> ListMine(User caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var views = new List<MeetingView>();
        foreach (Meeting meeting in _registry.ListChairedBy(caller.Id))
        {
            views.Add(ViewOf(meeting));
        }

        return views;
    }

    /// <summary>One meeting, for its chair.</summary>
    public MeetingView Get(User caller, string meetingId) => ViewOf(RequireChair(caller, meetingId));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_broadcasts is not null)
        {
            _broadcasts.Changed -= OnBroadcastChanged;
        }

        foreach (string meetingId in _bridges.Keys)
        {
            await _media.CloseAsync(meetingId).ConfigureAwait(false);
        }
    }

    /// <summary>The link of a token: <c>/meet/{id}?t={token}</c>.</summary>
    public static string LinkOf(string meetingId, string token) => "/meet/" + Uri.EscapeDataString(meetingId) + "?t=" + Uri.EscapeDataString(token);

    private Meeting Require(string meetingId)
    {
        if (string.IsNullOrEmpty(meetingId) || !_registry.TryGet(meetingId, out Meeting meeting))
        {
            throw new DomainNotFoundException(MeetingErrors.MeetingNotFound, $"There is no meeting '{meetingId}'.");
        }

        return meeting;
    }

    private Meeting RequireChair(User caller, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Meeting meeting = Require(meetingId);
        if (meeting.ChairUserId != caller.Id)
        {
            throw new DomainForbiddenException(MeetingErrors.NotChair, $"Only the chair of meeting '{meetingId}' ({meeting.ChairName}) may do this.");
        }

        return meeting;
    }

    private Meeting RequireOpenChair(User caller, string meetingId)
    {
        Meeting meeting = RequireChair(caller, meetingId);
        lock (meeting.Sync)
        {
            if (meeting.State == MeetingState.Ended)
            {
                throw new DomainConflictException(MeetingErrors.MeetingEnded, $"Meeting '{meetingId}' has ended.");
            }
        }

        return meeting;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} created by {Username}")]
    private static partial void LogCreated(ILogger logger, string meetingId, string username);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId}: {Action} on participant {ParticipantId}")]
    private static partial void LogParticipantAction(ILogger logger, string meetingId, MeetingParticipantAction action, string participantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId} ended")]
    private static partial void LogEnded(ILogger logger, string meetingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: handling a bridge event failed")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, string meetingId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting {MeetingId}: participant {ParticipantId} ({DisplayName}) joined as {Role}, {State}")]
    private static partial void LogJoined(ILogger logger, string meetingId, string participantId, string displayName, MeetingRole role, MeetingParticipantState state);
}
