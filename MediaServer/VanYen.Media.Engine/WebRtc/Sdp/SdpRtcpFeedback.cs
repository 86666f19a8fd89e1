namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An a=rtcp-fb line (RFC 4585 §4.2), e.g. "96 nack pli" or "* transport-cc".</summary>
/// <param name="PayloadType">The payload type it applies to, or null for "*" (all).</param>
/// <param name="Type">The feedback type: nack, ccm, goog-remb, transport-cc, trr-int, ...</param>
/// <param name="Subtype">The rest of the line after the type (e.g. "pli", "fir"), or null.</param>
public sealed record SdpRtcpFeedback(int? PayloadType, string Type, string? Subtype = null)
{
    /// <summary>True when type and subtype match (case-insensitive), ignoring the payload type.</summary>
    public bool IsSameKind(string type, string? subtype) =>
        string.Equals(Type, type, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Subtype, subtype, StringComparison.OrdinalIgnoreCase);
}
