namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An a=candidate line (RFC 8839 §5.1).</summary>
public sealed record SdpCandidate
{
    /// <summary>Host candidate type.</summary>
    public const string HostType = "host";

    /// <summary>Server-reflexive candidate type.</summary>
    public const string ServerReflexiveType = "srflx";

    /// <summary>Peer-reflexive candidate type.</summary>
    public const string PeerReflexiveType = "prflx";

    /// <summary>Relayed candidate type.</summary>
    public const string RelayType = "relay";

    /// <summary>The foundation (1 to 32 ice-chars).</summary>
    public required string Foundation { get; init; }

    /// <summary>The component id: 1 for RTP (2 for RTCP without rtcp-mux).</summary>
    public required int Component { get; init; }

    /// <summary>The transport as written, "udp"/"UDP" or "tcp"/"TCP".</summary>
    public required string Transport { get; init; }

    /// <summary>The candidate priority (RFC 8445 §5.1.2).</summary>
    public required uint Priority { get; init; }

    /// <summary>The address: an IP literal or an mDNS name such as "4f1c...local".</summary>
    public required string Address { get; init; }

    /// <summary>The port.</summary>
    public required int Port { get; init; }

    /// <summary>The candidate type: host, srflx, prflx or relay.</summary>
    public required string Type { get; init; }

    /// <summary>The related address (raddr), if any.</summary>
    public string? RelatedAddress { get; init; }

    /// <summary>The related port (rport), if any.</summary>
    public int? RelatedPort { get; init; }

    /// <summary>The ICE-TCP type (RFC 6544): active, passive or so.</summary>
    public string? TcpType { get; init; }

    /// <summary>The "generation" extension browsers add, if present.</summary>
    public int? Generation { get; init; }

    /// <summary>Every other extension name/value pair (ufrag, network-id, network-cost, ...), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extensions { get; init; } = [];

    /// <summary>True when the transport is UDP.</summary>
    public bool IsUdp => string.Equals(Transport, "udp", StringComparison.OrdinalIgnoreCase);
}
