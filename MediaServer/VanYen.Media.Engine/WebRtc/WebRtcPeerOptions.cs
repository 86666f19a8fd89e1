using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.WebRtc;

/// <summary>Settings of one <see cref="WebRtcPeer"/>.</summary>
public sealed record WebRtcPeerOptions
{
    /// <summary>DTLS settings: SRTP profile preference, handshake timeout; defaults when null.</summary>
    public DtlsTransportOptions? Dtls { get; init; }

    /// <summary>The SSRC our RTCP reports use when we send no media (and the default SSRC of what we send).</summary>
    public uint LocalSsrc { get; init; }

    /// <summary>Our RTCP CNAME (RFC 7022), sent in SDES with every report.</summary>
    public string CName { get; init; } = "vanyen";

    /// <summary>The clock of incoming-stream statistics and sender reports.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
