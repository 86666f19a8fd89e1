using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Consultations;

namespace VanYen.Media.Server.Consultations;

/// <summary>
/// Teleconsultation calls (khám từ xa): a doctor opens one and hands out guest links (patient, family member,
/// interpreter; at most <see cref="ForwardingLayout.MaxParticipants"/> people at once); guests wait, with no media,
/// until the doctor admits them; admitted browsers join the consultation's <see cref="IForwardingRoom"/>. A call ends
/// when the doctor hangs up (or stays away longer than the grace), after <see cref="ConsultationOptions.MaxDuration"/>,
/// or when nobody was connected for <see cref="ConsultationOptions.IdleTimeout"/>. Nothing is recorded or stored.
/// </summary>
/// <remarks>
/// The state is small and changes only on people's actions, so one lock guards all of it; pushes and the SFU's
/// asynchronous calls happen outside the lock.
/// </remarks>
public sealed partial class ConsultationService : IConsultationCalls
{
    private readonly IForwardingService _forwarding;
    private readonly ConsultationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConsultationService> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Consultation> _consultations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Consultation Consultation, ConsultationParticipant Participant)> _connections = new(StringComparer.Ordinal);

    /// <summary>Creates the service.</summary>
    public ConsultationService(IForwardingService forwarding, IOptions<ConsultationOptions> options, TimeProvider time, ILogger<ConsultationService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _forwarding = forwarding;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    public event EventHandler<ConsultationPush>? Pushed;

    /// <summary>How many consultations are open.</summary>
    public int OpenCount
    {
        get
        {
            lock (_lock)
            {
                return _consultations.Count;
            }
        }
    }

    /// <summary>Opens a consultation with <paramref name="doctor"/> as its doctor and a patient link.</summary>
    public ConsultationCreated Open(User doctor)
    {
        ArgumentNullException.ThrowIfNull(doctor);
        DateTimeOffset now = _time.GetUtcNow();
        ConsultationParticipant patient;
        Consultation consultation;
        lock (_lock)
        {
            if (_consultations.Count >= _options.MaxOpen)
            {
                throw new ConsultationException(409, ConsultationErrors.TooManyOpen, $"This server already holds {_options.MaxOpen} consultations; try again later.");
            }

            consultation = new Consultation(NewSecret(12), doctor.Id, doctor.DisplayName, now, now + _options.MaxDuration);
            consultation.Participants.Add(consultation.Doctor);
            patient = AddGuest(consultation, ConsultRoles.Patient);
            _consultations.Add(consultation.Id, consultation);
        }

        LogOpened(_logger, consultation.Id, doctor.Username);
        return new ConsultationCreated(consultation.Id, PagePath(consultation), LinkOf(consultation, patient)!, patient.Id, consultation.ExpiresAt);
    }

    /// <summary>The consultation as its doctor sees it.</summary>
    public ConsultationView Get(User caller, string consultationId)
    {
        lock (_lock)
        {
            return ViewOf(RequireDoctor(caller, consultationId));
        }
    }

    /// <summary>Another guest link (family member, interpreter, or a new patient link).</summary>
    public ConsultationLinkView CreateLink(User caller, string consultationId, string? role)
    {
        role = string.IsNullOrWhiteSpace(role) ? ConsultRoles.Family : role.Trim().ToLowerInvariant();
        if (!ConsultRoles.IsGuestRole(role))
        {
            throw new ConsultationException(400, ConsultationErrors.BadRole, "role: give patient, family or interpreter.");
        }

        lock (_lock)
        {
            Consultation consultation = RequireDoctor(caller, consultationId);
            if (consultation.Participants.Count - 1 >= _options.MaxGuestLinks)
            {
                throw new ConsultationException(409, ConsultationErrors.TooManyLinks, $"A consultation has at most {_options.MaxGuestLinks} guest links.");
            }

            ConsultationParticipant guest = AddGuest(consultation, role);
            PushRosterLocked(consultation);
            return new ConsultationLinkView(guest.Id, guest.Role, LinkOf(consultation, guest)!);
        }
    }

    /// <summary>The doctor lets a waiting participant in (REST).</summary>
    public ConsultationView Admit(User caller, string consultationId, string participantId)
    {
        lock (_lock)
        {
            Consultation consultation = RequireDoctor(caller, consultationId);
            AdmitLocked(consultation, participantId);
            return ViewOf(consultation);
        }
    }

    /// <summary>The doctor ends the call for everyone (REST).</summary>
    public async Task EndAsync(User caller, string consultationId)
    {
        Consultation consultation;
        lock (_lock)
        {
            consultation = RequireDoctor(caller, consultationId);
        }

        await EndAsync(consultation, CallEndReasons.DoctorEnded);
    }

    /// <summary>Fault injection: the next <paramref name="count"/> video packets to a participant are not sent (NACK recovers them).</summary>
    public void DropNextVideoPackets(User caller, string consultationId, string participantId, int count)
    {
        if (count is < 1 or > 1000)
        {
            throw new ConsultationException(400, ConsultationErrors.BadCount, "count: give 1 to 1000 packets.");
        }

        IForwardingRoom room;
        lock (_lock)
        {
            Consultation consultation = RequireDoctor(caller, consultationId);
            ConsultationParticipant participant = consultation.Find(participantId)
                ?? throw new ConsultationException(404, ConsultationErrors.UnknownParticipant, $"There is no participant {participantId}.");
            if (consultation.Room is null || !participant.InMedia)
            {
                throw new ConsultationException(409, ConsultationErrors.NotJoined, "That participant's media is not in the call.");
            }

            room = consultation.Room;
        }

        room.DropNextVideoPackets(participantId, count);
    }

    private static string NewSecret(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    private static string PagePath(Consultation consultation) => "/consult/" + Uri.EscapeDataString(consultation.Id);

    private static string? LinkOf(Consultation consultation, ConsultationParticipant participant) =>
        participant.Token is null ? null : PagePath(consultation) + "?t=" + Uri.EscapeDataString(participant.Token);

    private static bool TokenMatches(string? expected, string given) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    private static ConsultationParticipant AddGuest(Consultation consultation, string role)
    {
        var guest = new ConsultationParticipant("p-" + NewSecret(6), role, NewSecret(24));
        consultation.Participants.Add(guest);
        return guest;
    }

    private static ConsultationView ViewOf(Consultation consultation)
    {
        var participants = new List<ConsultationParticipantView>(consultation.Participants.Count);
        foreach (ConsultationParticipant participant in consultation.Participants)
        {
            participants.Add(new ConsultationParticipantView(participant.Id, participant.Role, participant.DisplayName, participant.State, participant.ConnectionId is not null, participant.InMedia, LinkOf(consultation, participant)));
        }

        ConsultationMediaCounters? media = null;
        if (consultation.Room is { } room)
        {
            ForwardingCounters counters = room.Counters;
            media = new ConsultationMediaCounters(counters.PacketsForwarded, counters.KeyFrameRequestsRelayed, counters.NacksReceived, counters.RetransmissionsSent, counters.RetransmissionsMissed, counters.BandwidthEstimatesRelayed, counters.PacketsDropped);
        }

        return new ConsultationView(consultation.Id, consultation.Doctor.DisplayName, consultation.OpenedAt, consultation.ExpiresAt, participants, media);
    }

    private Consultation RequireConsultationLocked(string consultationId) =>
        _consultations.TryGetValue(consultationId ?? string.Empty, out Consultation? consultation)
            ? consultation
            : throw new ConsultationException(404, ConsultationErrors.NotFound, "This consultation does not exist or has ended.");

    private Consultation RequireDoctor(User caller, string consultationId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Consultation consultation = RequireConsultationLocked(consultationId);
        return consultation.DoctorUserId == caller.Id
            ? consultation
            : throw new ConsultationException(403, ConsultationErrors.NotDoctor, "Only the doctor who opened this consultation may do this.");
    }

    private void AdmitLocked(Consultation consultation, string participantId)
    {
        ConsultationParticipant participant = consultation.Find(participantId)
            ?? throw new ConsultationException(404, ConsultationErrors.UnknownParticipant, $"There is no participant {participantId}.");
        if (participant.State == ConsultParticipantStates.Admitted)
        {
            return;
        }

        if (participant.State != ConsultParticipantStates.Waiting || participant.ConnectionId is null)
        {
            throw new ConsultationException(409, ConsultationErrors.NotWaiting, $"{participantId} is not in the waiting room.");
        }

        participant.State = ConsultParticipantStates.Admitted;
        participant.WaitingSince = null;
        PushLocked([participant.ConnectionId], Signaling.Hubs.ConsultHub.AdmittedMethod, new AdmittedMessage(participant.Id));
        PushRosterLocked(consultation);
        LogAdmitted(_logger, consultation.Id, participant.Id);
    }

    /// <summary>
    /// Raises a push under the lock, so pushes keep the order of the changes; the hub's notifier only starts an
    /// asynchronous send, and <see cref="Lock"/> lets a handler that calls back on the same thread in.
    /// </summary>
    private void PushLocked(IReadOnlyList<string> connectionIds, string method, object message)
    {
        if (connectionIds.Count > 0)
        {
            Pushed?.Invoke(this, new ConsultationPush(connectionIds, method, message));
        }
    }

    private void PushRosterLocked(Consultation consultation)
    {
        if (consultation.Doctor.ConnectionId is not { } doctor)
        {
            return;
        }

        var people = new List<ConsultPerson>(consultation.Participants.Count);
        foreach (ConsultationParticipant participant in consultation.Participants)
        {
            if (participant != consultation.Doctor)
            {
                people.Add(participant.ToPerson());
            }
        }

        PushLocked([doctor], Signaling.Hubs.ConsultHub.WaitingRoomChangedMethod, new WaitingRoomMessage(people));
    }
}
