namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An a= line this model does not interpret, kept verbatim so it survives re-serializing.</summary>
/// <param name="Name">The attribute name (before the first ':').</param>
/// <param name="Value">The value after the ':', or null for a property attribute without one.</param>
public sealed record SdpAttribute(string Name, string? Value);
