using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Signaling.Contracts.Consultations;

namespace VanYen.Media.Server.Consultations;

/// <summary>One open consultation; changed only under the service's lock.</summary>
internal sealed class Consultation(string id, long doctorUserId, string doctorName, DateTimeOffset openedAt, DateTimeOffset expiresAt)
{
    public string Id { get; } = id;

    public long DoctorUserId { get; } = doctorUserId;

    public DateTimeOffset OpenedAt { get; } = openedAt;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>The doctor's seat (always first in <see cref="Participants"/>).</summary>
    public ConsultationParticipant Doctor { get; } = new("p-doctor", ConsultRoles.Doctor, token: null) { DisplayName = doctorName, State = ConsultParticipantStates.Admitted };

    /// <summary>Everyone, the doctor first, then the guest links in the order they were made.</summary>
    public List<ConsultationParticipant> Participants { get; } = [];

    /// <summary>Since when nobody has been connected (the opening counts), or null while someone is.</summary>
    public DateTimeOffset? IdleSince { get; set; } = openedAt;

    /// <summary>Since when the doctor's page has been away after it had joined, or null.</summary>
    public DateTimeOffset? DoctorAwaySince { get; set; }

    /// <summary>The SFU room, once someone started media.</summary>
    public IForwardingRoom? Room { get; set; }

    public bool Ended { get; set; }

    public ConsultationParticipant? Find(string participantId)
    {
        foreach (ConsultationParticipant participant in Participants)
        {
            if (string.Equals(participant.Id, participantId, StringComparison.Ordinal))
            {
                return participant;
            }
        }

        return null;
    }

    public int SeatsTaken()
    {
        int taken = 1;
        foreach (ConsultationParticipant participant in Participants)
        {
            if (participant != Doctor && participant.HoldsSeat)
            {
                taken++;
            }
        }

        return taken;
    }

    public List<string> ConnectionIds()
    {
        var ids = new List<string>();
        foreach (ConsultationParticipant participant in Participants)
        {
            if (participant.ConnectionId is { } connection)
            {
                ids.Add(connection);
            }
        }

        return ids;
    }

    public bool AnyoneConnected()
    {
        foreach (ConsultationParticipant participant in Participants)
        {
            if (participant.ConnectionId is not null)
            {
                return true;
            }
        }

        return false;
    }
}
