using System.Net;

namespace VanYen.Media.Engine.WebRtc.Ice;

// Consent freshness (RFC 7675) and the connect timeout, driven by the host's timer.
public sealed partial class IceLiteAgent
{
    /// <summary>
    /// Removes the sessions whose consent lapsed (no authenticated check for
    /// <see cref="IceLiteAgentOptions.ConsentTimeout"/>, RFC 7675 §5.1) or that never connected within
    /// <see cref="IceLiteAgentOptions.ConnectTimeout"/>, and raises <see cref="SessionExpired"/> for each.
    /// Also forgets validated addresses (other than the selected one) that passed no check for the consent
    /// timeout, so an old address cannot keep feeding media into a session. Call it every second or so.
    /// </summary>
    /// <returns>How many sessions expired.</returns>
    public int ExpireStale()
    {
        long now = _timeProvider.GetUtcNow().UtcTicks;
        List<IceSessionExpiredEventArgs>? expired = null;
        lock (_lock)
        {
            foreach (KeyValuePair<string, IceSession> entry in _sessionsByUfrag)
            {
                IceSession session = entry.Value;
                IceSessionExpiryReason reason;
                if (session.State == IceSessionState.New && now - session.CreatedAt.UtcTicks >= _connectTimeoutTicks)
                {
                    reason = IceSessionExpiryReason.NeverConnected;
                }
                else if (session.State == IceSessionState.Connected && now - session.LastConsentUtcTicks >= _consentTimeoutTicks)
                {
                    reason = IceSessionExpiryReason.ConsentExpired;
                }
                else
                {
                    ForgetStaleAddresses(session, now);
                    continue;
                }

                if (RemoveLocked(session, IceSessionState.Expired))
                {
                    (expired ??= []).Add(new IceSessionExpiredEventArgs(session, reason));
                }
            }
        }

        if (expired is null)
        {
            return 0;
        }

        foreach (IceSessionExpiredEventArgs args in expired)
        {
            Interlocked.Increment(ref _sessionsExpired);
            Log.SessionExpired(_logger, args.Session.LocalUfrag, args.Reason);
            SessionExpired?.Invoke(this, args);
        }

        return expired.Count;
    }

    // RFC 7675 §5.1: consent is per address; a non-selected address without it is no longer valid.
    private void ForgetStaleAddresses(IceSession session, long now)
    {
        for (int i = session.AddressCount - 1; i >= 0; i--)
        {
            SocketAddress address = session.AddressAt(i);
            if (!ReferenceEquals(address, session.Selected) && now - session.LastCheckUtcTicksAt(i) >= _consentTimeoutTicks)
            {
                session.RemoveAt(i);
                _sessionsByAddress.TryRemove(KeyValuePair.Create(address, session));
            }
        }
    }
}
