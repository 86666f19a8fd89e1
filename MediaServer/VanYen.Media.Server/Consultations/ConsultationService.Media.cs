using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Signaling.Contracts.Consultations;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Consultations;

/// <summary>The SFU room of each consultation: slots, media ends and call quality.</summary>
public sealed partial class ConsultationService
{
    /// <summary>Sends each doctor whose call has media the quality of every participant's link.</summary>
    public void PushQuality()
    {
        lock (_lock)
        {
            foreach (Consultation consultation in _consultations.Values)
            {
                if (consultation.Doctor.ConnectionId is not { } doctor || consultation.Room is not { } room)
                {
                    continue;
                }

                var entries = new List<ConsultQuality>();
                foreach (ConsultationParticipant participant in consultation.Participants)
                {
                    if (participant.InMedia && room.GetQuality(participant.Id) is { } quality)
                    {
                        entries.Add(new ConsultQuality(participant.Id, participant.DisplayName, quality.RoundTripTimeMs, ToLink(quality.Upstream), ToLink(quality.Downstream)));
                    }
                }

                PushLocked([doctor], ConsultHub.QualityMethod, new QualityMessage(entries));
            }
        }
    }

    private static ConsultLinkQuality ToLink(LinkQuality link) =>
        new(Math.Round(link.BitrateBitsPerSecond / 1000, 1), Math.Round(link.LossFraction * 100, 2), Math.Round(link.JitterMs, 1), link.Packets);

    private static List<ConsultSlot> SlotsLocked(Consultation consultation, IForwardingRoom room, string participantId)
    {
        var slots = new List<ConsultSlot>();
        foreach (ForwardingSlot slot in room.GetSlots(participantId))
        {
            ConsultationParticipant? remote = consultation.Find(slot.RemoteParticipantId);
            slots.Add(new ConsultSlot(slot.Slot, slot.RemoteParticipantId, remote?.DisplayName ?? string.Empty, remote?.Role ?? string.Empty, slot.AudioMid, slot.VideoMid));
        }

        return slots;
    }

    private IForwardingRoom RoomLocked(Consultation consultation)
    {
        if (consultation.Room is null)
        {
            IForwardingRoom room = _forwarding.Open(consultation.Id);
            room.SlotsChanged += OnSlotsChanged;
            room.ParticipantDisconnected += OnParticipantDisconnected;
            consultation.Room = room;
        }

        return consultation.Room;
    }

    private void OnSlotsChanged(object? sender, ForwardingSlotsChangedEventArgs changed)
    {
        if (sender is not IForwardingRoom room)
        {
            return;
        }

        lock (_lock)
        {
            if (!_consultations.TryGetValue(room.RoomId, out Consultation? consultation) || consultation.Room != room)
            {
                return;
            }

            foreach (string participantId in changed.ParticipantIds)
            {
                if (consultation.Find(participantId) is { ConnectionId: { } connection, InMedia: true })
                {
                    PushLocked([connection], ConsultHub.SlotsChangedMethod, new SlotsChangedMessage(SlotsLocked(consultation, room, participantId)));
                }
            }
        }
    }

    private void OnParticipantDisconnected(object? sender, ForwardingParticipantDisconnectedEventArgs ended)
    {
        if (sender is not IForwardingRoom room)
        {
            return;
        }

        lock (_lock)
        {
            if (!_consultations.TryGetValue(room.RoomId, out Consultation? consultation)
                || consultation.Room != room
                || consultation.Find(ended.ParticipantId) is not { InMedia: true } participant)
            {
                return;
            }

            participant.InMedia = false;
            if (participant.ConnectionId is { } connection)
            {
                PushLocked([connection], ConsultHub.MediaEndedMethod, new MediaEndedMessage(ended.Reason));
            }

            PushRosterLocked(consultation);
            LogMediaEnded(_logger, consultation.Id, participant.Id, ended.Reason);
        }
    }
}
