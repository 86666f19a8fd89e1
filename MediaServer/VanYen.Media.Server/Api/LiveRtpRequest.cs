namespace VanYen.Media.Server.Api;

/// <summary>
/// <c>POST /api/broadcasts/live-rtp</c>: a hardware console's live voice, sent as plain RTP/Opus to the server's RTP port.
/// </summary>
public sealed record LiveRtpRequest
{
    /// <summary>What the broadcast is called in lists and the audit log.</summary>
    public string? Title { get; init; }

    /// <summary>Target clusters (with or instead of <see cref="AreaIds"/>).</summary>
    public IReadOnlyList<long>? ClusterIds { get; init; }

    /// <summary>Target areas: every cluster under them.</summary>
    public IReadOnlyList<long>? AreaIds { get; init; }

    /// <summary>The SSRC the console sends with (RFC 3550 §5.1); one broadcast per SSRC at a time.</summary>
    public required uint Ssrc { get; init; }

    /// <summary>The console's IP address; packets from elsewhere are dropped. Null to accept any.</summary>
    public string? SourceAddress { get; init; }
}
