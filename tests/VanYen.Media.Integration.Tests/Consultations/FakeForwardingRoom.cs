using VanYen.Media.Engine.Forwarding;

namespace VanYen.Media.Integration.Tests.Consultations;

/// <summary>A room that answers every offer, puts everyone in everyone's slots and reports a fixed quality.</summary>
internal sealed class FakeForwardingRoom(string roomId) : IForwardingRoom
{
    private readonly List<string> _members = [];

    public string RoomId { get; } = roomId;

    public List<string> Joined { get; } = [];

    public List<string> Left { get; } = [];

    public List<(string SubscriberId, int Count)> Drops { get; } = [];

    public ForwardingCounters Counters { get; } = new();

    public event EventHandler<ForwardingSlotsChangedEventArgs>? SlotsChanged;

    public event EventHandler<ForwardingParticipantDisconnectedEventArgs>? ParticipantDisconnected;

    public Task<string> JoinAsync(string participantId, string offerSdp, CancellationToken cancellationToken)
    {
        List<string> others;
        lock (_members)
        {
            Joined.Add(participantId);
            others = [.. _members];
            _members.Add(participantId);
        }

        SlotsChanged?.Invoke(this, new ForwardingSlotsChangedEventArgs(others));
        return Task.FromResult("answer for " + participantId);
    }

    public void Leave(string participantId)
    {
        List<string> others;
        lock (_members)
        {
            Left.Add(participantId);
            if (!_members.Remove(participantId))
            {
                return;
            }

            others = [.. _members];
        }

        SlotsChanged?.Invoke(this, new ForwardingSlotsChangedEventArgs(others));
    }

    public IReadOnlyList<ForwardingSlot> GetSlots(string participantId)
    {
        lock (_members)
        {
            var slots = new List<ForwardingSlot>();
            if (!_members.Contains(participantId))
            {
                return slots;
            }

            foreach (string member in _members)
            {
                if (member != participantId)
                {
                    int slot = slots.Count;
                    slots.Add(new ForwardingSlot(slot, member, ForwardingLayout.SlotAudioMid(slot), ForwardingLayout.SlotVideoMid(slot)));
                }
            }

            return slots;
        }
    }

    public CallQuality? GetQuality(string participantId)
    {
        lock (_members)
        {
            return _members.Contains(participantId)
                ? new CallQuality(new LinkQuality(512_000, 0.02, 4.5, 1000), new LinkQuality(256_000, 0, 3, 900), 42)
                : null;
        }
    }

    public void DropNextVideoPackets(string subscriberId, int count) => Drops.Add((subscriberId, count));

    /// <summary>As if the participant's ICE timed out.</summary>
    public void Disconnect(string participantId)
    {
        lock (_members)
        {
            _members.Remove(participantId);
        }

        ParticipantDisconnected?.Invoke(this, new ForwardingParticipantDisconnectedEventArgs(participantId, "ice-timeout"));
    }
}
