namespace VanYen.Media.Engine.Meetings;

/// <summary>The participants mixed as talkers now.</summary>
public sealed class MeetingTalkersChangedEventArgs(IReadOnlyList<string> talkers) : EventArgs
{
    /// <summary>The talkers' participant ids, loudest first.</summary>
    public IReadOnlyList<string> Talkers { get; } = talkers;
}
