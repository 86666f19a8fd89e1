using VanYen.Media.Engine.Audio.Clock;

namespace VanYen.Media.Engine.Rooms;

/// <summary>An echo room: each participant hears itself back, decoded and re-encoded (a mic and speaker check).</summary>
internal sealed class EchoRoom(string id, MediaClock clock, int ringSamples) : Room(RoomKind.Echo, id)
{
    private readonly Lock _lock = new();
    private readonly List<RoomParticipant> _participants = [];

    public override bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _participants.Count == 0;
            }
        }
    }

    public override void Add(RoomParticipant participant)
    {
        var echo = new EchoStream(participant, ringSamples);
        participant.Echo = echo;
        participant.Peer!.Sink = echo;
        lock (_lock)
        {
            _participants.Add(participant);
        }

        clock.Add(echo);
    }

    public override void Remove(RoomParticipant participant)
    {
        lock (_lock)
        {
            _participants.Remove(participant);
        }

        if (participant.Echo is { } echo)
        {
            clock.Remove(echo);
            echo.Dispose();
        }
    }
}
