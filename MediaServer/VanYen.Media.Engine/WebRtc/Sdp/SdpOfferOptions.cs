using System.Net;

namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>What <see cref="SdpOfferer"/> needs to create a server-initiated offer.</summary>
public sealed record SdpOfferOptions
{
    /// <summary>Our ICE username fragment.</summary>
    public required string IceUfrag { get; init; }

    /// <summary>Our ICE password.</summary>
    public required string IcePassword { get; init; }

    /// <summary>The fingerprint of our DTLS certificate.</summary>
    public required SdpFingerprint Fingerprint { get; init; }

    /// <summary>Our UDP host candidates, most preferred first.</summary>
    public IReadOnlyList<IPEndPoint> HostCandidates { get; init; } = [];

    /// <summary>The m= sections, in order.</summary>
    public required IReadOnlyList<SdpOfferMedia> Media { get; init; }

    /// <summary>The o= session id (keep it across renegotiations), or null for a random one.</summary>
    public string? SessionId { get; init; }

    /// <summary>The o= session version (increase it on each renegotiation, RFC 8829 §5.2.2).</summary>
    public ulong SessionVersion { get; init; } = 1;
}
