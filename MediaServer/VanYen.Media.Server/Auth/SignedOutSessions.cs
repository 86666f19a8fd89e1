using System.Collections.Concurrent;
using System.Globalization;
using VanYen.Media.Server.Domain.Sqlite;

namespace VanYen.Media.Server.Auth;

/// <summary>
/// The sign-ins ended by a logout, by session id (<see cref="UserClaims.Session"/>), kept in SQLite so a restart does
/// not bring them back, and in memory because every authenticated request asks. An entry lives as long as a cookie or
/// token of that sign-in could still be valid (<see cref="UserAuthenticationServiceCollectionExtensions.SignInLifetime"/>
/// after the logout: a sliding cookie is not renewed once its session is ended).
/// </summary>
public sealed class SignedOutSessions
{
    private readonly SqliteDomainTransactions _connections;
    private readonly TimeProvider _time;
    private readonly Lock _loadLock = new();
    private ConcurrentDictionary<string, DateTimeOffset>? _ended;

    public SignedOutSessions(SqliteDomainTransactions connections, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(time);
        _connections = connections;
        _time = time;
    }

    /// <summary>Whether <paramref name="sessionId"/> was ended by a logout (and could still be presented).</summary>
    public bool IsEnded(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return Ended().TryGetValue(sessionId, out DateTimeOffset until) && until > _time.GetUtcNow();
    }

    /// <summary>Ends <paramref name="sessionId"/> (idempotent) and forgets the entries that can no longer matter.</summary>
    public async Task EndAsync(string sessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        DateTimeOffset now = _time.GetUtcNow();
        DateTimeOffset until = now + UserAuthenticationServiceCollectionExtensions.SignInLifetime;
        using (var lease = _connections.Open())
        {
            using var upsert = lease.Command(
                """
                INSERT INTO signed_out_sessions (session_id, until) VALUES ($session, $until)
                ON CONFLICT (session_id) DO UPDATE SET until = excluded.until;
                DELETE FROM signed_out_sessions WHERE until <= $now;
                """);
            upsert.Parameters.AddWithValue("$session", sessionId);
            upsert.Parameters.AddWithValue("$until", until.ToString("O", CultureInfo.InvariantCulture));
            upsert.Parameters.AddWithValue("$now", now.ToString("O", CultureInfo.InvariantCulture));
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        ConcurrentDictionary<string, DateTimeOffset> ended = Ended();
        ended[sessionId] = until;
        foreach (KeyValuePair<string, DateTimeOffset> entry in ended)
        {
            if (entry.Value <= now)
            {
                ended.TryRemove(entry);
            }
        }
    }

    private ConcurrentDictionary<string, DateTimeOffset> Ended()
    {
        if (Volatile.Read(ref _ended) is { } loaded)
        {
            return loaded;
        }

        lock (_loadLock)
        {
            if (_ended is null)
            {
                var ended = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                using var lease = _connections.Open();
                using var select = lease.Command("SELECT session_id, until FROM signed_out_sessions");
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    ended[reader.GetString(0)] = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                }

                Volatile.Write(ref _ended, ended);
            }

            return _ended;
        }
    }
}
