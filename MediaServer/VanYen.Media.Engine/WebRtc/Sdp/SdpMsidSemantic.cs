namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>The session-level a=msid-semantic line browsers still send (e.g. "WMS *").</summary>
/// <param name="Semantic">Usually "WMS".</param>
/// <param name="Identifiers">Stream ids or "*", possibly empty.</param>
public sealed record SdpMsidSemantic(string Semantic, IReadOnlyList<string> Identifiers);
