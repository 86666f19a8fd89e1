using System.Collections.Concurrent;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Auth;

/// <summary>
/// The open hub connections (consoles, dashboards, meetings, calls) of signed-in people, so that a change to a
/// sign-in reaches them at once rather than at their next reconnect: a logout closes that sign-in's connections, a new
/// password, role or scope closes every connection made before it, a deleted user's close too. The REST API checks
/// the same on every request (<see cref="CallerHttpContextExtensions.GetCallerAsync"/>); a hub connection is
/// authenticated once, when it opens, so it needs telling. A closed page reconnects and, with a stale credential, is
/// refused and sent to the login page.
/// </summary>
public sealed partial class UserConnections(ILogger<UserConnections> logger)
{
    private readonly ConcurrentDictionary<string, UserConnection> _connections = new(StringComparer.Ordinal);

    /// <summary>How many connections are kept (for tests and diagnostics).</summary>
    public int Count => _connections.Count;

    /// <summary>Keeps a connection that opened with <paramref name="userId"/>'s sign-in until <see cref="Remove"/>.</summary>
    public void Add(string connectionId, long userId, string? stamp, string? sessionId, Action abort)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        ArgumentNullException.ThrowIfNull(abort);
        _connections[connectionId] = new UserConnection(userId, stamp, sessionId, abort);
    }

    /// <summary>Forgets a closed connection.</summary>
    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Closes <paramref name="user"/>'s connections made with another password, role or scope than the stored ones.</summary>
    /// <returns>How many were closed.</returns>
    public int CloseStale(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        string stamp = UserClaims.StampOf(user);
        return Close(connection => connection.UserId == user.Id && connection.Stamp != stamp, "password, role or scope changed");
    }

    /// <summary>Closes every connection of a deleted user.</summary>
    /// <returns>How many were closed.</returns>
    public int CloseUser(long userId) => Close(connection => connection.UserId == userId, "user removed");

    /// <summary>Closes the connections of one sign-in (its logout).</summary>
    /// <returns>How many were closed.</returns>
    public int CloseSession(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return Close(connection => connection.SessionId == sessionId, "signed out");
    }

    // A scan of every open connection: people change accounts a few times a day, and there are hundreds of
    // connections at most, so an index per user would be bookkeeping for nothing.
    private int Close(Func<UserConnection, bool> matches, string reason)
    {
        int closed = 0;
        foreach (var (connectionId, connection) in _connections)
        {
            if (matches(connection) && _connections.TryRemove(connectionId, out _))
            {
                connection.Abort();
                closed++;
                LogClosed(logger, connectionId, connection.UserId, reason);
            }
        }

        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub connection {ConnectionId} of user {UserId} closed: {Reason}")]
    private static partial void LogClosed(ILogger logger, string connectionId, long userId, string reason);
}
