namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>Where a participant is.</summary>
public static class ConsultParticipantStates
{
    /// <summary>Has a link and has not come yet.</summary>
    public const string Invited = "invited";

    /// <summary>In the waiting room (hub connected, no media).</summary>
    public const string Waiting = "waiting";

    /// <summary>Let in by the doctor (media allowed); stays so across a network drop.</summary>
    public const string Admitted = "admitted";

    /// <summary>Hung up; the same link waits for the doctor again.</summary>
    public const string Left = "left";
}
