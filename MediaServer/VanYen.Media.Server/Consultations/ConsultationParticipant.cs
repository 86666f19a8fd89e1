using VanYen.Media.Signaling.Contracts.Consultations;

namespace VanYen.Media.Server.Consultations;

/// <summary>One seat of a consultation (the doctor's, or a guest link's); changed only under the service's lock.</summary>
internal sealed class ConsultationParticipant(string id, string role, string? token)
{
    /// <summary>The participant id others see (not the token).</summary>
    public string Id { get; } = id;

    /// <summary>One of <see cref="ConsultRoles"/>.</summary>
    public string Role { get; } = role;

    /// <summary>The link's secret (null for the doctor, who is recognised by their sign-in).</summary>
    public string? Token { get; } = token;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>One of <see cref="ConsultParticipantStates"/>.</summary>
    public string State { get; set; } = ConsultParticipantStates.Invited;

    /// <summary>The hub connection of their page, or null while away.</summary>
    public string? ConnectionId { get; set; }

    public bool InMedia { get; set; }

    public DateTimeOffset? WaitingSince { get; set; }

    /// <summary>Whether the participant holds one of the call's seats now.</summary>
    public bool HoldsSeat => State is ConsultParticipantStates.Waiting or ConsultParticipantStates.Admitted;

    public ConsultPerson ToPerson() => new(Id, DisplayName, Role, State, ConnectionId is not null, InMedia, WaitingSince);
}
