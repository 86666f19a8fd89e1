namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>Settings of a <see cref="DtlsTransport"/>. The defaults suit browsers.</summary>
public sealed class DtlsTransportOptions
{
    /// <summary>The smallest accepted <see cref="MaxReceiveDatagramLength"/>: a full Ethernet MTU.</summary>
    public const int MinimumReceiveDatagramLength = 1500;

    /// <summary>How long <see cref="DtlsTransport.StartAsync"/> may take in all (queueing in the pool included). Default 10 s.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// First retransmission timer of a handshake flight; it doubles on every retransmission
    /// (RFC 6347 §4.2.4.1 recommends 1 s). Default 1 s.
    /// </summary>
    public TimeSpan InitialRetransmitTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// SRTP protection profiles we accept, most preferred first (<see cref="DtlsSrtpProtectionProfile"/> ids).
    /// As a server we select the first of these that the client offered; as a client we offer these, in this order.
    /// Default: AEAD_AES_128_GCM, then AES128_CM_HMAC_SHA1_80.
    /// </summary>
    public IReadOnlyList<ushort> SrtpProtectionProfiles { get; set; } = DtlsSrtpProtectionProfile.DefaultPreference;

    /// <summary>
    /// Largest datagram we send (BouncyCastle fragments handshake messages to fit). Default 1200 bytes, which
    /// survives tunnels and TURN (RFC 8261 §5 uses the same bound).
    /// </summary>
    public int MaxSendDatagramLength { get; set; } = 1200;

    /// <summary>
    /// Largest datagram we accept; longer ones are dropped and counted, never truncated. Default 4096 bytes, at least
    /// <see cref="MinimumReceiveDatagramLength"/>.
    /// </summary>
    public int MaxReceiveDatagramLength { get; set; } = 4096;

    /// <summary>How many received datagrams may wait for the handshake worker; more are dropped and counted. Default 64.</summary>
    public int ReceiveQueueCapacity { get; set; } = 64;

    /// <summary>The clock for the handshake timeout.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HandshakeTimeout, TimeSpan.Zero, nameof(HandshakeTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialRetransmitTimeout, TimeSpan.FromMilliseconds(1), nameof(InitialRetransmitTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSendDatagramLength, 256, nameof(MaxSendDatagramLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReceiveDatagramLength, MinimumReceiveDatagramLength, nameof(MaxReceiveDatagramLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReceiveQueueCapacity, 1, nameof(ReceiveQueueCapacity));
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(SrtpProtectionProfiles);
        if (SrtpProtectionProfiles.Count == 0)
        {
            throw new ArgumentException("At least one SRTP protection profile is needed.", nameof(SrtpProtectionProfiles));
        }

        foreach (ushort profile in SrtpProtectionProfiles)
        {
            if (!DtlsSrtpProtectionProfile.IsSupported(profile))
            {
                throw new ArgumentException(
                    $"SRTP protection profile {DtlsSrtpProtectionProfile.GetName(profile)} is not supported.",
                    nameof(SrtpProtectionProfiles));
            }
        }
    }
}
