namespace VanYen.Media.Server.Meetings;

/// <summary>Pushes meeting events to hub connections (the <c>MeetingHub</c>'s client methods).</summary>
public interface IMeetingNotifier
{
    /// <summary>Calls <paramref name="method"/> with <paramref name="arguments"/> on each connection; failures are logged, not thrown.</summary>
    Task SendAsync(IReadOnlyList<string> connectionIds, string method, params object?[] arguments);
}
