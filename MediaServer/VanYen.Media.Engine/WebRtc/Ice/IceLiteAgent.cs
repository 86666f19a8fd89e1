using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>
/// The ICE-lite agent (RFC 8445 §2.5) of one UDP socket shared by every WebRTC peer: answers the peers'
/// connectivity and consent checks (RFC 7675), learns and keeps each peer's addresses, and maps a datagram's
/// source address to its <see cref="IceSession"/>. Sessions are found by the recipient ufrag of USERNAME,
/// then, for DTLS and SRTP, by address (<see cref="TryGetSession"/>).
/// </summary>
/// <remarks>
/// Thread-safe: one or more receive loops call <see cref="HandleStun"/> and <see cref="TryGetSession"/> while
/// signaling threads call <see cref="Register"/>, <see cref="CreateSession"/> and <see cref="Remove"/>, and a
/// timer calls <see cref="ExpireStale"/> (every second or so). Lookups are lock-free; state changes take one
/// short lock. A steady-state consent check and an address lookup allocate nothing.
/// </remarks>
public sealed partial class IceLiteAgent
{
    /// <summary>The smallest response buffer <see cref="HandleStun"/> accepts.</summary>
    public const int MinimumResponseLength = StunBindingResponder.MinimumDestinationLength;

    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, IceSession> _sessionsByUfrag = new(IceUfragComparer.Instance);
    private readonly ConcurrentDictionary<string, IceSession>.AlternateLookup<ReadOnlySpan<byte>> _sessionsByUfragBytes;
    private readonly ConcurrentDictionary<SocketAddress, IceSession> _sessionsByAddress = new(SocketAddressComparer.Instance);
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly long _consentTimeoutTicks;
    private readonly long _connectTimeoutTicks;
    private readonly long _failoverTicks;
    private readonly int _maxAddresses;
    private readonly bool _selectOnFirstCheck;

    /// <summary>Creates an agent with no sessions.</summary>
    /// <param name="timeProvider">The clock for consent and timeouts; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="options">Timeouts and limits, read once here; defaults when null.</param>
    /// <param name="logger">Logs session life events (never per packet); none when null.</param>
    public IceLiteAgent(TimeProvider? timeProvider = null, IceLiteAgentOptions? options = null, ILogger<IceLiteAgent>? logger = null)
    {
        options ??= new IceLiteAgentOptions();
        options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _consentTimeoutTicks = options.ConsentTimeout.Ticks;
        _connectTimeoutTicks = options.ConnectTimeout.Ticks;
        _failoverTicks = options.SelectedAddressFailoverAfter.Ticks;
        _maxAddresses = options.MaxValidatedAddressesPerSession;
        _selectOnFirstCheck = options.SelectOnFirstCheck;
        _sessionsByUfragBytes = _sessionsByUfrag.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>
    /// Raised by <see cref="ExpireStale"/> (on its thread, after the lock is released) for each session it removed.
    /// Not raised by <see cref="Remove"/>.
    /// </summary>
    public event EventHandler<IceSessionExpiredEventArgs>? SessionExpired;

    /// <summary>How many sessions are live.</summary>
    public int SessionCount => _sessionsByUfrag.Count;

    /// <summary>
    /// Registers a session with the credentials of our answer.
    /// </summary>
    /// <param name="localUfrag">Our ice-ufrag: 4..256 ice-chars (RFC 8839 §5.4), unique on this agent.</param>
    /// <param name="localPassword">Our ice-pwd: 22..256 ice-chars.</param>
    /// <param name="remoteUfrag">The peer's ice-ufrag from its offer, or null to learn it from its first authenticated check.</param>
    /// <exception cref="ArgumentException">A credential breaks the ice-char grammar or length.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="localUfrag"/> is already registered.</exception>
    public IceSession Register(string localUfrag, string localPassword, string? remoteUfrag = null)
    {
        if (!IceCredentials.IsValid(localUfrag, IceCredentials.MinUfragLength))
        {
            throw new ArgumentException("An ice-ufrag is 4 to 256 characters of A-Z a-z 0-9 + / (RFC 8839 §5.4).", nameof(localUfrag));
        }

        if (!IceCredentials.IsValid(localPassword, IceCredentials.MinPasswordLength))
        {
            throw new ArgumentException("An ice-pwd is 22 to 256 characters of A-Z a-z 0-9 + / (RFC 8839 §5.4).", nameof(localPassword));
        }

        // Browsers send 4..256 ice-chars too; any non-empty ice-char string is accepted from the peer.
        if (remoteUfrag is not null && !IceCredentials.IsValid(remoteUfrag, 1))
        {
            throw new ArgumentException("The remote ice-ufrag must be 1 to 256 characters of A-Z a-z 0-9 + /.", nameof(remoteUfrag));
        }

        IceSession? session = TryAdd(localUfrag, localPassword, remoteUfrag);
        return session ?? throw new InvalidOperationException($"The ice-ufrag '{localUfrag}' is already registered on this agent.");
    }

    /// <summary>Registers a session with fresh random credentials (RFC 8445 §5.3), see <see cref="IceCredentials"/>.</summary>
    /// <param name="remoteUfrag">The peer's ice-ufrag from its offer, or null to learn it from its first authenticated check.</param>
    public IceSession CreateSession(string? remoteUfrag = null)
    {
        if (remoteUfrag is not null && !IceCredentials.IsValid(remoteUfrag, 1))
        {
            throw new ArgumentException("The remote ice-ufrag must be 1 to 256 characters of A-Z a-z 0-9 + /.", nameof(remoteUfrag));
        }

        while (true)
        {
            // A collision of 48 random bits is rare; drawing again keeps ufrags unique on the shared port.
            IceSession? session = TryAdd(IceCredentials.GenerateUfrag(), IceCredentials.GeneratePassword(), remoteUfrag);
            if (session is not null)
            {
                return session;
            }
        }
    }

    /// <summary>
    /// Removes a session: its ufrag and addresses are forgotten at once and it becomes <see cref="IceSessionState.Closed"/>.
    /// False when it was not live on this agent.
    /// </summary>
    public bool Remove(IceSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        bool removed;
        lock (_lock)
        {
            removed = RemoveLocked(session, IceSessionState.Closed);
        }

        if (removed)
        {
            Log.SessionRemoved(_logger, session.LocalUfrag);
        }

        return removed;
    }

    /// <summary>Finds a live session by our ufrag (signaling use; allocates nothing).</summary>
    public bool TryGetSessionByUfrag(string localUfrag, [MaybeNullWhen(false)] out IceSession session) =>
        _sessionsByUfrag.TryGetValue(localUfrag, out session);

    /// <summary>
    /// Finds the session whose peer's authenticated checks came from <paramref name="remote"/>, for a DTLS or
    /// SRTP datagram: any validated address is accepted, not only the selected one. Lock-free, O(1), allocates nothing.
    /// </summary>
    /// <param name="remote">
    /// The datagram's source as the socket reported it (see <see cref="HandleStun"/> on IPv4-mapped addresses). Its
    /// first <see cref="SocketAddress.Size"/> bytes are compared, without the IPv6 flow label, so a reused instance
    /// with a larger buffer matches.
    /// </param>
    /// <param name="session">The session; check <see cref="IceSession.IsLive"/> if a race with removal matters.</param>
    public bool TryGetSession(SocketAddress remote, [MaybeNullWhen(false)] out IceSession session) =>
        _sessionsByAddress.TryGetValue(remote, out session);

    private IceSession? TryAdd(string localUfrag, string localPassword, string? remoteUfrag)
    {
        var session = new IceSession(_lock, localUfrag, localPassword, remoteUfrag, _maxAddresses, _timeProvider.GetUtcNow());
        lock (_lock)
        {
            if (!_sessionsByUfrag.TryAdd(localUfrag, session))
            {
                return null;
            }
        }

        Log.SessionRegistered(_logger, localUfrag);
        return session;
    }

    private bool RemoveLocked(IceSession session, IceSessionState finalState)
    {
        if (!session.IsLive || !_sessionsByUfrag.TryRemove(KeyValuePair.Create(session.LocalUfrag, session)))
        {
            return false;
        }

        for (int i = 0; i < session.AddressCount; i++)
        {
            _sessionsByAddress.TryRemove(KeyValuePair.Create(session.AddressAt(i), session));
        }

        session.ClearAddresses();
        session.SetState(finalState);
        return true;
    }
}
