namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An a=group line (RFC 5888 §5), e.g. "BUNDLE 0 1" (RFC 8843).</summary>
/// <param name="Semantics">"BUNDLE", "LS", ...</param>
/// <param name="Mids">The identification tags (a=mid values) in the group, in order.</param>
public sealed record SdpGroup(string Semantics, IReadOnlyList<string> Mids)
{
    /// <summary>The BUNDLE semantics token (RFC 8843).</summary>
    public const string Bundle = "BUNDLE";

    /// <summary>True when this is a BUNDLE group.</summary>
    public bool IsBundle => string.Equals(Semantics, Bundle, StringComparison.OrdinalIgnoreCase);
}
