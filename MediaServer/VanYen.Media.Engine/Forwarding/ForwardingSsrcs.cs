namespace VanYen.Media.Engine.Forwarding;

/// <summary>The SSRCs the server sends one subscriber in one slot (announced in the answer).</summary>
/// <param name="Audio">The slot's audio SSRC.</param>
/// <param name="Video">The slot's video SSRC.</param>
/// <param name="VideoRtx">The slot's video RTX SSRC (RFC 4588).</param>
internal readonly record struct ForwardingSsrcs(uint Audio, uint Video, uint VideoRtx);
