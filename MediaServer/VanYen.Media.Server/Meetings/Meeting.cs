namespace VanYen.Media.Server.Meetings;

/// <summary>
/// A meeting (cuộc họp) held in memory by <see cref="MeetingRegistry"/>. Everything mutable is read and changed under
/// <see cref="Sync"/>: requests of the chair, of the hub and of the bridge's events arrive on many threads.
/// </summary>
public sealed class Meeting(string id, string title, long chairUserId, string chairName, string chairToken, DateTimeOffset created)
{
    private readonly List<MeetingParticipant> _participants = [];
    private readonly Dictionary<string, bool> _joinTokens = new(StringComparer.Ordinal);
    private long _nextHandOrder;

    /// <summary>The short, unguessable id in the link <c>/meet/{id}</c>.</summary>
    public string Id { get; } = id;

    /// <summary>The title shown to everyone.</summary>
    public string Title { get; } = title;

    /// <summary>The signed-in user who created the meeting.</summary>
    public long ChairUserId { get; } = chairUserId;

    /// <summary>The chair's display name.</summary>
    public string ChairName { get; } = chairName;

    /// <summary>The token that makes its holder the chair (the chair's own link).</summary>
    public string ChairToken { get; } = chairToken;

    /// <summary>When it was created.</summary>
    public DateTimeOffset Created { get; } = created;

    /// <summary>Guards every mutable member of the meeting and its participants.</summary>
    public object Sync { get; } = new();

    /// <summary>Open or ended.</summary>
    public MeetingState State { get; set; }

    /// <summary>New joiners are refused.</summary>
    public bool Locked { get; set; }

    /// <summary>The file being recorded, or null.</summary>
    public string? RecordingFile { get; set; }

    /// <summary>The broadcast carrying the mix to loudspeakers, or null.</summary>
    public string? BroadcastId { get; set; }

    /// <summary>Participants in join order (the removed ones stay, so their ids are never reused).</summary>
    public IReadOnlyList<MeetingParticipant> Participants => _participants;

    /// <summary>Adds a participant.</summary>
    public void Add(MeetingParticipant participant) => _participants.Add(participant);

    /// <summary>The participant with <paramref name="participantId"/>, or null.</summary>
    public MeetingParticipant? Find(string participantId)
    {
        foreach (MeetingParticipant participant in _participants)
        {
            if (string.Equals(participant.Id, participantId, StringComparison.Ordinal))
            {
                return participant;
            }
        }

        return null;
    }

    /// <summary>The participant connected through <paramref name="connectionId"/>, or null.</summary>
    public MeetingParticipant? FindByConnection(string connectionId)
    {
        foreach (MeetingParticipant participant in _participants)
        {
            if (string.Equals(participant.ConnectionId, connectionId, StringComparison.Ordinal))
            {
                return participant;
            }
        }

        return null;
    }

    /// <summary>Remembers a join token; <paramref name="admitDirectly"/> skips the lobby.</summary>
    public void AddJoinToken(string token, bool admitDirectly) => _joinTokens[token] = admitDirectly;

    /// <summary>Whether <paramref name="token"/> is one of the join tokens, and whether it skips the lobby.</summary>
    public bool TryGetJoinToken(string token, out bool admitDirectly) => _joinTokens.TryGetValue(token, out admitDirectly);

    /// <summary>The next place in the raised-hand queue.</summary>
    public long NextHandOrder() => ++_nextHandOrder;
}
