using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.Engine.WebRtc;

/// <summary>
/// The datagram handler of the one UDP socket every WebRTC peer shares (DESIGN.md): STUN goes to the ICE-lite
/// agent and is answered on the same transport; DTLS, SRTP and SRTCP go to the <see cref="WebRtcPeer"/> the agent
/// finds by source address (<see cref="IceSession.Owner"/>); anything from an address no authenticated check came
/// from is dropped and counted. A timer expires stale ICE sessions (RFC 7675 consent, closing their peers) and sends
/// every peer's RTCP reports about once a second.
/// </summary>
/// <remarks>
/// <see cref="OnDatagram"/> runs on the socket's receive thread; SRTP is unprotected in place there, so the
/// per-packet path allocates nothing.
/// </remarks>
public sealed partial class WebRtcEndpoint : IDatagramHandler, IDisposable
{
    /// <summary>How often stale sessions are expired and RTCP reports are sent.</summary>
    public static readonly TimeSpan MaintenanceInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<WebRtcPeer, byte> _peers = new();
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;
    private volatile IPacketTransport? _transport;
    private long _lastFailureLogTimestamp;
    private int _disposed;

    /// <summary>Creates the endpoint around <paramref name="agent"/> and starts its maintenance timer.</summary>
    public WebRtcEndpoint(IceLiteAgent agent, TimeProvider? timeProvider = null, ILogger<WebRtcEndpoint>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        Agent = agent;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Logger = logger ?? (ILogger)NullLogger.Instance;
        Agent.SessionExpired += OnSessionExpired;
        _timer = _timeProvider.CreateTimer(_ => RunMaintenance(), null, MaintenanceInterval, MaintenanceInterval);
    }

    /// <summary>The ICE-lite agent of the shared socket.</summary>
    public IceLiteAgent Agent { get; }

    /// <summary>The transport peers send on: set by <see cref="Attach"/>, or learnt from the first datagram.</summary>
    public IPacketTransport? Transport => _transport;

    /// <summary>Peers that are not closed.</summary>
    public int PeerCount => _peers.Count;

    internal ILogger Logger { get; }

    /// <summary>Tells the endpoint which transport (the bound socket) to send on before any datagram arrived.</summary>
    public void Attach(IPacketTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
    }

    /// <inheritdoc/>
    public void OnDatagram(ReceivedDatagram datagram)
    {
        _transport ??= datagram.Transport;
        switch (datagram.Kind)
        {
            case PacketKind.Stun:
                HandleStun(datagram);
                break;
            case PacketKind.Dtls:
                if (FindPeer(datagram) is { } dtlsPeer)
                {
                    dtlsPeer.OnDtlsDatagram(datagram.Data);
                }

                break;
            case PacketKind.Rtp:
                if (FindPeer(datagram) is { } rtpPeer)
                {
                    rtpPeer.OnSrtp(datagram.Data);
                }

                break;
            case PacketKind.Rtcp:
                if (FindPeer(datagram) is { } rtcpPeer)
                {
                    rtcpPeer.OnSrtcp(datagram.Data);
                }

                break;
            default:
                // ZRTP and TURN channel data are not spoken here; the transport counted the datagram as received.
                Interlocked.Increment(ref _droppedOtherProtocols);
                break;
        }
    }

    /// <summary>Expires stale ICE sessions (closing their peers) and sends every peer's RTCP reports; the timer calls it every second.</summary>
    public void RunMaintenance()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            Agent.ExpireStale();
            foreach (KeyValuePair<WebRtcPeer, byte> entry in _peers)
            {
                entry.Key.SendReports();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            WebRtcLog.MaintenanceFailed(Logger, exception);
        }
    }

    /// <summary>Stops the timer and closes every peer.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _timer.Dispose();
        Agent.SessionExpired -= OnSessionExpired;
        foreach (KeyValuePair<WebRtcPeer, byte> entry in _peers)
        {
            entry.Key.Close("the server is shutting down", closedLocally: true);
        }
    }

    internal void Track(WebRtcPeer peer) => _peers.TryAdd(peer, 0);

    internal void Untrack(WebRtcPeer peer) => _peers.TryRemove(peer, out _);

    private void HandleStun(ReceivedDatagram datagram)
    {
        Span<byte> response = stackalloc byte[IceLiteAgent.MinimumResponseLength];
        IceCheckOutcome outcome = Agent.HandleStun(datagram.Data, datagram.Remote, response, out int length, out _);
        if (length > 0)
        {
            datagram.Transport.TrySend(response.Slice(0, length), datagram.Remote);
        }
        else if (outcome is IceCheckOutcome.DroppedUnauthenticated or IceCheckOutcome.DroppedUnknownUfrag
            or IceCheckOutcome.DroppedRemoteUfragMismatch or IceCheckOutcome.DroppedAddressInUse)
        {
            datagram.Transport.Counters.AddDroppedUnknownPeer();
        }
    }

    private WebRtcPeer? FindPeer(ReceivedDatagram datagram)
    {
        if (Agent.TryGetSession(datagram.Remote, out IceSession? session) && session.Owner is WebRtcPeer peer && !peer.IsClosed)
        {
            return peer;
        }

        Interlocked.Increment(ref _droppedUnknownPeer);
        datagram.Transport.Counters.AddDroppedUnknownPeer();
        return null;
    }

    private void OnSessionExpired(object? sender, IceSessionExpiredEventArgs e)
    {
        if (e.Session.Owner is WebRtcPeer peer)
        {
            string reason = e.Reason == IceSessionExpiryReason.ConsentExpired
                ? "ICE consent expired: no connectivity check from the browser for 30 s (RFC 7675)"
                : "ICE never connected: no connectivity check from the browser arrived";
            peer.Close(reason, closedLocally: false);
        }
    }
}
