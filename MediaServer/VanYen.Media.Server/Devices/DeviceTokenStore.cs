using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace VanYen.Media.Server.Devices;

/// <summary>
/// Device bearer tokens, in memory: 32 random bytes each, valid <see cref="DeviceAuthentication.TokenLifetime"/>.
/// A new login of a receiver revokes its previous token (a device only ever holds its latest one). A restart of the
/// server drops every token; devices then log in again, as they do after any connection loss.
/// </summary>
public sealed class DeviceTokenStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DeviceSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, string> _tokenOfReceiver = new();

    /// <summary>Issues a token for <paramref name="receiverId"/>, revoking its previous one.</summary>
    public (string Token, DeviceSession Session) Issue(long receiverId, long clusterId)
    {
        string token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var session = new DeviceSession(receiverId, clusterId, time.GetUtcNow() + DeviceAuthentication.TokenLifetime);
        _sessions[token] = session;
        if (_tokenOfReceiver.TryGetValue(receiverId, out string? previous))
        {
            _sessions.TryRemove(previous, out _);
        }

        _tokenOfReceiver[receiverId] = token;
        RemoveExpired();
        return (token, session);
    }

    /// <summary>The session of a valid, unexpired token.</summary>
    public bool TryValidate(string token, out DeviceSession? session)
    {
        if (_sessions.TryGetValue(token, out session) && session.ExpiresAt > time.GetUtcNow())
        {
            return true;
        }

        session = null;
        return false;
    }

    /// <summary>Revokes the receiver's token, if it has one (the receiver was deleted or its secret replaced).</summary>
    public bool Revoke(long receiverId)
    {
        if (!_tokenOfReceiver.TryRemove(receiverId, out string? token))
        {
            return false;
        }

        _sessions.TryRemove(token, out _);
        return true;
    }

    private void RemoveExpired()
    {
        DateTimeOffset now = time.GetUtcNow();
        foreach (var (token, session) in _sessions)
        {
            if (session.ExpiresAt <= now)
            {
                _sessions.TryRemove(token, out _);
                _tokenOfReceiver.TryRemove(new KeyValuePair<long, string>(session.ReceiverId, token));
            }
        }
    }
}
