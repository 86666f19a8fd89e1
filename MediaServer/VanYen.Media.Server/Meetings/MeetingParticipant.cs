using System.Net;

namespace VanYen.Media.Server.Meetings;

/// <summary>One participant of a <see cref="Meeting"/>; read and changed only under the meeting's <see cref="Meeting.Sync"/>.</summary>
public sealed class MeetingParticipant(string id, string displayName, MeetingRole role, string rejoinKey)
{
    /// <summary>The id in the meeting (also the bridge's participant id).</summary>
    public string Id { get; } = id;

    /// <summary>The name others see.</summary>
    public string DisplayName { get; } = displayName;

    /// <summary>Chair or participant.</summary>
    public MeetingRole Role { get; } = role;

    /// <summary>The secret a rejoin after a drop must show.</summary>
    public string RejoinKey { get; } = rejoinKey;

    /// <summary>Lobby, admitted or removed.</summary>
    public MeetingParticipantState State { get; set; }

    /// <summary>The hub connection now; null while dropped (or for a plain RTP participant).</summary>
    public string? ConnectionId { get; set; }

    /// <summary>When the hand went up (its order in the queue); null while down.</summary>
    public long? HandRaisedOrder { get; set; }

    /// <summary>Muted by the chair: the bridge ignores its audio.</summary>
    public bool MutedByChair { get; set; }

    /// <summary>The chair asked it to unmute; it may turn the microphone on even though muted by the chair.</summary>
    public bool AskedToUnmute { get; set; }

    /// <summary>The chair gave it the floor.</summary>
    public bool HasFloor { get; set; }

    /// <summary>Its own microphone switch (the browser's track is disabled while off).</summary>
    public bool MicrophoneOn { get; set; } = true;

    /// <summary>Its media was started on the bridge.</summary>
    public bool MediaStarted { get; set; }

    /// <summary>The address of a plain RTP participant; null for a browser.</summary>
    public IPEndPoint? RtpEndPoint { get; set; }
}
