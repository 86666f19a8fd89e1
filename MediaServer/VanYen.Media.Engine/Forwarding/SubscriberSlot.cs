namespace VanYen.Media.Engine.Forwarding;

/// <summary>One slot of a subscriber's view: its audio and video streams, which keep their lines across occupants.</summary>
internal sealed class SubscriberSlot(int index, SubscriberStream audio, SubscriberStream video)
{
    /// <summary>0 to <see cref="ForwardingLayout.SlotCount"/> − 1.</summary>
    public int Index { get; } = index;

    /// <summary>The slot's audio m-line.</summary>
    public SubscriberStream Audio { get; } = audio;

    /// <summary>The slot's video m-line.</summary>
    public SubscriberStream Video { get; } = video;

    /// <summary>Who is shown here, or null (changed under the room's lock).</summary>
    public ForwardingParticipant? Occupant { get; private set; }

    /// <summary>Shows <paramref name="occupant"/> (or nobody) on both streams.</summary>
    public void Assign(ForwardingParticipant? occupant)
    {
        Occupant = occupant;
        Audio.SetSource(occupant);
        Video.SetSource(occupant);
    }
}
