using System.Security.Claims;
using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Server.Auth;
using VanYen.Media.Signaling.Contracts.Consultations;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Consultations;

/// <summary>The hub's side: join, admit, media, hang-up and drops.</summary>
public sealed partial class ConsultationService
{
    /// <summary>The longest display name accepted.</summary>
    public const int MaxDisplayNameLength = 60;

    /// <inheritdoc/>
    public Task<ConsultJoinResponse> JoinAsync(ClaimsPrincipal caller, string connectionId, string consultationId, string? token, string? displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string? name = CleanName(displayName);
        DateTimeOffset now = _time.GetUtcNow();
        IForwardingRoom? roomToLeave = null;
        string? leavingId = null;
        ConsultJoinResponse response;
        lock (_lock)
        {
            Consultation consultation = RequireConsultationLocked(consultationId);
            ConsultationParticipant participant;
            if (string.IsNullOrEmpty(token))
            {
                if (caller.Identity?.IsAuthenticated != true || !UserClaims.TryGetUserId(caller, out long userId))
                {
                    throw new ConsultationException(401, ConsultationErrors.NotSignedIn, "Open the link you were sent (it holds a token), or sign in as the doctor.");
                }

                if (userId != consultation.DoctorUserId)
                {
                    throw new ConsultationException(403, ConsultationErrors.NotDoctor, "Only the doctor who opened this consultation may join without a link.");
                }

                participant = consultation.Doctor;
                consultation.DoctorAwaySince = null;
            }
            else
            {
                participant = FindByToken(consultation, token)
                    ?? throw new ConsultationException(403, ConsultationErrors.BadToken, "This link is not valid for this consultation.");
                if (name is null && participant.DisplayName.Length == 0)
                {
                    throw new ConsultationException(400, ConsultationErrors.NameRequired, $"Give your name (1 to {MaxDisplayNameLength} characters).");
                }

                if (!participant.HoldsSeat && consultation.SeatsTaken() >= ForwardingLayout.MaxParticipants)
                {
                    throw new ConsultationException(409, ConsultationErrors.CallFull, $"The call already has {ForwardingLayout.MaxParticipants} people.");
                }

                if (name is not null)
                {
                    participant.DisplayName = name;
                }

                if (participant.State != ConsultParticipantStates.Admitted)
                {
                    participant.State = ConsultParticipantStates.Waiting;
                    participant.WaitingSince ??= now;
                }
            }

            if (participant.ConnectionId is { } previous && !string.Equals(previous, connectionId, StringComparison.Ordinal))
            {
                // The same seat from another page (a phone that came back on a new connection): the new page takes over.
                _connections.Remove(previous);
                PushLocked([previous], ConsultHub.CallEndedMethod, new CallEndedMessage(CallEndReasons.Replaced));
                if (participant.InMedia && consultation.Room is not null)
                {
                    participant.InMedia = false;
                    roomToLeave = consultation.Room;
                    leavingId = participant.Id;
                }
            }

            if (_connections.TryGetValue(connectionId, out var other) && other.Participant != participant)
            {
                throw new ConsultationException(409, ConsultationErrors.BadToken, "This connection is already in a consultation; open a new page.");
            }

            participant.ConnectionId = connectionId;
            _connections[connectionId] = (consultation, participant);
            consultation.IdleSince = null;
            PushRosterLocked(consultation);
            response = new ConsultJoinResponse(consultation.Id, participant.Id, participant.Role, participant.DisplayName, participant.State, consultation.Doctor.DisplayName, consultation.ExpiresAt);
            LogJoined(_logger, consultation.Id, participant.Id, participant.State);
        }

        if (roomToLeave is not null)
        {
            roomToLeave.Leave(leavingId!);
        }

        return Task.FromResult(response);
    }

    /// <inheritdoc/>
    public Task AdmitAsync(string connectionId, string participantId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            (Consultation consultation, ConsultationParticipant caller) = RequireConnectionLocked(connectionId);
            if (caller != consultation.Doctor)
            {
                throw new ConsultationException(403, ConsultationErrors.NotDoctor, "Only the doctor admits people.");
            }

            AdmitLocked(consultation, participantId);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<ConsultStartMediaResponse> StartMediaAsync(string connectionId, string offerSdp, CancellationToken cancellationToken)
    {
        Consultation consultation;
        ConsultationParticipant participant;
        IForwardingRoom room;
        bool rejoin;
        lock (_lock)
        {
            (consultation, participant) = RequireConnectionLocked(connectionId);
            if (participant.State != ConsultParticipantStates.Admitted)
            {
                throw new ConsultationException(403, ConsultationErrors.NotAdmitted, "Wait until the doctor lets you in; media starts after that.");
            }

            room = RoomLocked(consultation);
            rejoin = participant.InMedia;
            participant.InMedia = false;
        }

        if (rejoin)
        {
            room.Leave(participant.Id);
        }

        string answer;
        try
        {
            answer = await room.JoinAsync(participant.Id, offerSdp, cancellationToken);
        }
        catch (RoomException refused)
        {
            throw new ConsultationException(409, ConsultationErrors.MediaRefused, refused.Message, refused);
        }

        lock (_lock)
        {
            if (consultation.Ended || !string.Equals(participant.ConnectionId, connectionId, StringComparison.Ordinal))
            {
                room.Leave(participant.Id);
                throw new ConsultationException(409, ConsultationErrors.NotJoined, "The call ended or this page was replaced while the media started.");
            }

            participant.InMedia = true;
            PushRosterLocked(consultation);
            LogMediaStarted(_logger, consultation.Id, participant.Id);
            return new ConsultStartMediaResponse(answer, SlotsLocked(consultation, room, participant.Id));
        }
    }

    /// <inheritdoc/>
    public async Task HangupAsync(string connectionId)
    {
        Consultation consultation;
        ConsultationParticipant participant;
        IForwardingRoom? room = null;
        lock (_lock)
        {
            (consultation, participant) = RequireConnectionLocked(connectionId);
            if (participant != consultation.Doctor)
            {
                _connections.Remove(connectionId);
                participant.ConnectionId = null;
                participant.State = ConsultParticipantStates.Left;
                participant.WaitingSince = null;
                if (participant.InMedia)
                {
                    participant.InMedia = false;
                    room = consultation.Room;
                }

                MarkIdleIfEmptyLocked(consultation);
                PushRosterLocked(consultation);
                LogLeft(_logger, consultation.Id, participant.Id);
            }
        }

        if (participant == consultation.Doctor)
        {
            await EndAsync(consultation, CallEndReasons.DoctorEnded);
        }
        else
        {
            room?.Leave(participant.Id);
        }
    }

    /// <inheritdoc/>
    public Task DisconnectedAsync(string connectionId)
    {
        lock (_lock)
        {
            if (!_connections.Remove(connectionId, out var entry))
            {
                return Task.CompletedTask;
            }

            (Consultation consultation, ConsultationParticipant participant) = entry;
            if (!string.Equals(participant.ConnectionId, connectionId, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            // The media may well go on (WebRTC does not need the hub); an admitted seat stays admitted so the same
            // token rejoins without the doctor, a waiting one goes back to "invited" and waits again.
            participant.ConnectionId = null;
            if (participant.State == ConsultParticipantStates.Waiting)
            {
                participant.State = ConsultParticipantStates.Invited;
                participant.WaitingSince = null;
            }

            if (participant == consultation.Doctor)
            {
                consultation.DoctorAwaySince = _time.GetUtcNow();
            }

            MarkIdleIfEmptyLocked(consultation);
            PushRosterLocked(consultation);
            LogDropped(_logger, consultation.Id, participant.Id);
        }

        return Task.CompletedTask;
    }

    private static string? CleanName(string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return null;
        }

        string name = displayName.Trim();
        if (name.Length > MaxDisplayNameLength || name.Any(char.IsControl))
        {
            throw new ConsultationException(400, ConsultationErrors.NameRequired, $"A name has 1 to {MaxDisplayNameLength} characters and no control characters.");
        }

        return name;
    }

    private static ConsultationParticipant? FindByToken(Consultation consultation, string token)
    {
        ConsultationParticipant? found = null;
        foreach (ConsultationParticipant participant in consultation.Participants)
        {
            // Every seat is compared (in fixed time), so the time taken says nothing of which token is close.
            if (TokenMatches(participant.Token, token))
            {
                found = participant;
            }
        }

        return found;
    }

    private (Consultation Consultation, ConsultationParticipant Participant) RequireConnectionLocked(string connectionId) =>
        _connections.TryGetValue(connectionId, out var entry)
            ? entry
            : throw new ConsultationException(409, ConsultationErrors.NotJoined, "Join the consultation first.");

    private void MarkIdleIfEmptyLocked(Consultation consultation)
    {
        if (!consultation.AnyoneConnected())
        {
            consultation.IdleSince = _time.GetUtcNow();
        }
    }
}
