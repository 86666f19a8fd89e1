namespace VanYen.Media.Engine.Forwarding;

/// <summary>A participant's media ended on its side.</summary>
public sealed class ForwardingParticipantDisconnectedEventArgs(string participantId, string reason) : EventArgs
{
    /// <summary>The participant.</summary>
    public string ParticipantId { get; } = participantId;

    /// <summary>Why.</summary>
    public string Reason { get; } = reason;
}
