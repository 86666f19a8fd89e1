namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An a=ssrc-group line (RFC 5576 §4.2), e.g. "FID 1 2" (RTX, RFC 4588) or "SIM 1 2 3".</summary>
/// <param name="Semantics">FID, SIM, FEC-FR, ...</param>
/// <param name="Ssrcs">The sources, in order.</param>
public sealed record SdpSsrcGroup(string Semantics, IReadOnlyList<uint> Ssrcs)
{
    /// <summary>Flow identification: a primary SSRC and its RTX SSRC.</summary>
    public const string FlowIdentification = "FID";

    /// <summary>Simulcast layers.</summary>
    public const string Simulcast = "SIM";
}
