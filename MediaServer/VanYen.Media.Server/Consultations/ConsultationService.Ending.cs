using VanYen.Media.Signaling.Contracts.Consultations;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Consultations;

/// <summary>How calls end: the doctor, the longest duration, nobody connected.</summary>
public sealed partial class ConsultationService
{
    /// <summary>
    /// Ends the consultations that are due: past <see cref="ConsultationOptions.MaxDuration"/>, with the doctor away
    /// longer than <see cref="ConsultationOptions.DoctorReconnectGrace"/>, or with nobody connected for
    /// <see cref="ConsultationOptions.IdleTimeout"/>. Returns how many ended.
    /// </summary>
    public async Task<int> EndDueAsync()
    {
        DateTimeOffset now = _time.GetUtcNow();
        var due = new List<(Consultation Consultation, string Reason)>();
        lock (_lock)
        {
            foreach (Consultation consultation in _consultations.Values)
            {
                if (now >= consultation.ExpiresAt)
                {
                    due.Add((consultation, CallEndReasons.Expired));
                }
                else if (consultation.DoctorAwaySince is { } away && now - away >= _options.DoctorReconnectGrace)
                {
                    due.Add((consultation, CallEndReasons.DoctorLeft));
                }
                else if (consultation.IdleSince is { } idle && now - idle >= _options.IdleTimeout)
                {
                    due.Add((consultation, CallEndReasons.Idle));
                }
            }
        }

        foreach ((Consultation consultation, string reason) in due)
        {
            await EndAsync(consultation, reason);
        }

        return due.Count;
    }

    /// <summary>Ends every open consultation (the server stops).</summary>
    public async Task EndAllAsync()
    {
        List<Consultation> open;
        lock (_lock)
        {
            open = [.. _consultations.Values];
        }

        foreach (Consultation consultation in open)
        {
            await EndAsync(consultation, CallEndReasons.DoctorLeft);
        }
    }

    private async Task EndAsync(Consultation consultation, string reason)
    {
        lock (_lock)
        {
            if (consultation.Ended)
            {
                return;
            }

            consultation.Ended = true;
            _consultations.Remove(consultation.Id);
            List<string> connections = consultation.ConnectionIds();
            foreach (string connection in connections)
            {
                _connections.Remove(connection);
            }

            foreach (ConsultationParticipant participant in consultation.Participants)
            {
                participant.ConnectionId = null;
                participant.InMedia = false;
            }

            if (consultation.Room is { } room)
            {
                room.SlotsChanged -= OnSlotsChanged;
                room.ParticipantDisconnected -= OnParticipantDisconnected;
            }

            PushLocked(connections, ConsultHub.CallEndedMethod, new CallEndedMessage(reason));
        }

        LogEnded(_logger, consultation.Id, reason);
        if (consultation.Room is not null)
        {
            try
            {
                await _forwarding.CloseAsync(consultation.Id);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogCloseFailed(_logger, failure, consultation.Id);
            }
        }
    }
}
