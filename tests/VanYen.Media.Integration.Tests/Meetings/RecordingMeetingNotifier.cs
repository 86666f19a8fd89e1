using VanYen.Media.Server.Meetings;

namespace VanYen.Media.Integration.Tests.Meetings;

/// <summary>Keeps every push (connection, method, arguments) instead of sending it.</summary>
internal sealed class RecordingMeetingNotifier : IMeetingNotifier
{
    private readonly List<(string Connection, string Method, object?[] Arguments)> _pushes = [];

    public Task SendAsync(IReadOnlyList<string> connectionIds, string method, params object?[] arguments)
    {
        lock (_pushes)
        {
            foreach (string connection in connectionIds)
            {
                _pushes.Add((connection, method, arguments));
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The pushes of <paramref name="method"/> to <paramref name="connection"/>, oldest first.</summary>
    public IReadOnlyList<object?[]> To(string connection, string method)
    {
        lock (_pushes)
        {
            return _pushes.Where(push => push.Connection == connection && push.Method == method).Select(push => push.Arguments).ToArray();
        }
    }
}
