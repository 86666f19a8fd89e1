using System.Net;
using System.Text;

namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>
/// One peer of an <see cref="IceLiteAgent"/>: our credentials, the peer's ufrag, the addresses its checks
/// validated and the one media is sent to. Created by <see cref="IceLiteAgent.Register"/> or
/// <see cref="IceLiteAgent.CreateSession"/>; its state is changed only by the agent.
/// </summary>
/// <remarks>
/// Reads are safe from any thread. <see cref="TryCopySelectedAddress"/>, <see cref="State"/> and
/// <see cref="Owner"/> are lock-free and allocate nothing, for the send path.
/// </remarks>
public sealed partial class IceSession
{
    private readonly Lock _sync;
    private readonly SocketAddress?[] _addresses;
    private readonly long[] _lastCheckUtcTicks;
    private int _addressCount;
    private volatile SocketAddress? _selected;
    private volatile IceSessionState _state;
    private volatile string? _remoteUfrag;
    private volatile byte[]? _remoteUfragBytes;
    private long _lastConsentUtcTicks;
    private volatile bool _isNominated;

    internal IceSession(Lock sync, string localUfrag, string localPassword, string? remoteUfrag, int maxAddresses, DateTimeOffset createdAt)
    {
        _sync = sync;
        LocalUfrag = localUfrag;
        LocalPassword = localPassword;
        LocalUfragBytes = Encoding.ASCII.GetBytes(localUfrag);
        LocalPasswordBytes = Encoding.ASCII.GetBytes(localPassword);
        if (remoteUfrag is not null)
        {
            SetRemoteUfrag(remoteUfrag, Encoding.ASCII.GetBytes(remoteUfrag));
        }

        _addresses = new SocketAddress?[maxAddresses];
        _lastCheckUtcTicks = new long[maxAddresses];
        CreatedAt = createdAt;
    }

    /// <summary>
    /// Raised (on the thread that called <see cref="IceLiteAgent.HandleStun"/>) when media for this peer must go
    /// to another address: first selection, USE-CANDIDATE from a new address (NAT rebinding, Wi-Fi to 4G),
    /// failover. Handlers must be quick and must not throw: they run on the receive loop.
    /// </summary>
    public event EventHandler<IceSelectedAddressChangedEventArgs>? SelectedAddressChanged;

    /// <summary>Our ice-ufrag, for the answer's <c>a=ice-ufrag</c>.</summary>
    public string LocalUfrag { get; }

    /// <summary>Our ice-pwd, for the answer's <c>a=ice-pwd</c>; the MESSAGE-INTEGRITY key both ways.</summary>
    public string LocalPassword { get; }

    /// <summary>The peer's ufrag: given at registration (from its offer) or learned from its first authenticated check.</summary>
    public string? RemoteUfrag => _remoteUfrag;

    /// <summary>Where the session is in its life.</summary>
    public IceSessionState State => _state;

    /// <summary>True while the agent still routes checks and datagrams to this session.</summary>
    public bool IsLive => _state is IceSessionState.New or IceSessionState.Connected;

    /// <summary>When the session was registered (agent clock).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the last authenticated check arrived (RFC 7675 consent), or null before the first.</summary>
    public DateTimeOffset? LastConsent
    {
        get
        {
            long ticks = Interlocked.Read(ref _lastConsentUtcTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>True once the peer sent USE-CANDIDATE (RFC 8445 §7.3.1.5).</summary>
    public bool IsNominated => _isNominated;

    /// <summary>
    /// Whatever the host ties to this session (e.g. its DTLS/SRTP transport), so that
    /// <see cref="IceLiteAgent.TryGetSession"/> leads to it without another lookup.
    /// </summary>
    public object? Owner { get; set; }

    /// <summary>A copy of the address media is sent to, or null before the first selection.</summary>
    public SocketAddress? SelectedAddress => _selected is { } selected ? IceSocketAddress.Copy(selected) : null;

    /// <summary>The selected address as an <see cref="IPEndPoint"/>, or null (allocates).</summary>
    public IPEndPoint? SelectedEndPoint => IceSocketAddress.ToEndPoint(_selected);

    /// <summary>Copies of the addresses the peer's authenticated checks came from (at most <see cref="IceLiteAgentOptions.MaxValidatedAddressesPerSession"/>).</summary>
    public IReadOnlyList<SocketAddress> ValidatedAddresses
    {
        get
        {
            lock (_sync)
            {
                var copies = new List<SocketAddress>(_addressCount);
                for (int i = 0; i < _addressCount; i++)
                {
                    copies.Add(IceSocketAddress.Copy(_addresses[i]!));
                }

                return copies;
            }
        }
    }

    internal byte[] LocalUfragBytes { get; }

    internal byte[] LocalPasswordBytes { get; }

    internal byte[]? RemoteUfragBytes => _remoteUfragBytes;

    internal SocketAddress? Selected => _selected;

    /// <summary>
    /// Copies the selected address into <paramref name="destination"/> (e.g. the send loop's reused instance).
    /// False, leaving it untouched, when nothing is selected or its buffer is too small. Allocates nothing.
    /// </summary>
    public bool TryCopySelectedAddress(SocketAddress destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return _selected is { } selected && IceSocketAddress.TryCopyTo(selected, destination);
    }

    /// <inheritdoc/>
    public override string ToString() => $"ICE session {LocalUfrag} ({_state})";

    internal void SetRemoteUfrag(string remoteUfrag, byte[] remoteUfragBytes)
    {
        _remoteUfragBytes = remoteUfragBytes;
        _remoteUfrag = remoteUfrag;
    }

    internal void SetState(IceSessionState state) => _state = state;

    internal void MarkNominated() => _isNominated = true;

    internal void RecordConsent(DateTimeOffset now) => Interlocked.Exchange(ref _lastConsentUtcTicks, now.UtcTicks);

    internal long LastConsentUtcTicks => Interlocked.Read(ref _lastConsentUtcTicks);

    internal void RaiseSelectedAddressChanged(IceSelectedAddressChangedEventArgs args) => SelectedAddressChanged?.Invoke(this, args);
}
