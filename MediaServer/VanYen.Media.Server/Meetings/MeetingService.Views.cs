using VanYen.Media.Engine.Meetings;
using VanYen.Media.Signaling.Contracts.Meetings;

namespace VanYen.Media.Server.Meetings;

public sealed partial class MeetingService
{
    private static string RoleText(MeetingRole role) => role == MeetingRole.Chair ? "chair" : "participant";

    private static string StateText(MeetingParticipantState state) => state switch
    {
        MeetingParticipantState.Lobby => "lobby",
        MeetingParticipantState.Admitted => "admitted",
        _ => "removed",
    };

    private MeetingView ViewOf(Meeting meeting)
    {
        Dictionary<string, MeetingParticipantMedia> media = MediaOf(meeting.Id);
        lock (meeting.Sync)
        {
            (List<MeetingParticipantMessage> admitted, List<MeetingParticipantMessage> lobby) = ListsOf(meeting, media);
            return new MeetingView(
                meeting.Id,
                meeting.Title,
                meeting.State == MeetingState.Open ? "open" : "ended",
                meeting.Locked,
                meeting.RecordingFile is not null,
                meeting.BroadcastId,
                meeting.Created,
                meeting.ChairName,
                admitted,
                lobby);
        }
    }

    /// <summary>The meeting now; call under the meeting's lock.</summary>
    private static MeetingStateMessage StateMessageOf(Meeting meeting, Dictionary<string, MeetingParticipantMedia> media, bool withLobby)
    {
        (List<MeetingParticipantMessage> admitted, List<MeetingParticipantMessage> lobby) = ListsOf(meeting, media);
        return new MeetingStateMessage(
            meeting.Id,
            meeting.Title,
            meeting.State == MeetingState.Open ? "open" : "ended",
            meeting.Locked,
            meeting.RecordingFile is not null,
            meeting.BroadcastId is not null,
            admitted,
            withLobby ? lobby : []);
    }

    private static (List<MeetingParticipantMessage> Admitted, List<MeetingParticipantMessage> Lobby) ListsOf(Meeting meeting, Dictionary<string, MeetingParticipantMedia> media)
    {
        var admitted = new List<MeetingParticipantMessage>();
        var lobby = new List<MeetingParticipantMessage>();
        var hands = new List<long>();
        foreach (MeetingParticipant participant in meeting.Participants)
        {
            if (participant.State == MeetingParticipantState.Admitted && participant.HandRaisedOrder is long order)
            {
                hands.Add(order);
            }
        }

        hands.Sort();
        foreach (MeetingParticipant participant in meeting.Participants)
        {
            switch (participant.State)
            {
                case MeetingParticipantState.Admitted:
                    admitted.Add(MessageOf(participant, media, hands));
                    break;
                case MeetingParticipantState.Lobby:
                    lobby.Add(MessageOf(participant, media, hands));
                    break;
            }
        }

        // The chair first, then in join order.
        admitted.Sort((left, right) => (right.Role == "chair").CompareTo(left.Role == "chair"));
        return (admitted, lobby);
    }

    private static MeetingParticipantMessage MessageOf(MeetingParticipant participant, Dictionary<string, MeetingParticipantMedia> media, List<long> hands)
    {
        media.TryGetValue(participant.Id, out MeetingParticipantMedia? now);
        int? position = participant.HandRaisedOrder is long order ? hands.IndexOf(order) + 1 : null;
        return new MeetingParticipantMessage(
            participant.Id,
            participant.DisplayName,
            RoleText(participant.Role),
            StateText(participant.State),
            position is > 0 ? position : null,
            participant.MutedByChair,
            participant.AskedToUnmute,
            participant.HasFloor,
            participant.MicrophoneOn,
            now?.Talking ?? false,
            now?.Connected ?? false,
            participant.RtpEndPoint is not null);
    }

    private Dictionary<string, MeetingParticipantMedia> MediaOf(string meetingId)
    {
        var media = new Dictionary<string, MeetingParticipantMedia>(StringComparer.Ordinal);
        if (_bridges.TryGetValue(meetingId, out IMeetingMedia? bridge))
        {
            foreach (MeetingParticipantMedia participant in bridge.GetParticipants())
            {
                media[participant.ParticipantId] = participant;
            }
        }

        return media;
    }
}
