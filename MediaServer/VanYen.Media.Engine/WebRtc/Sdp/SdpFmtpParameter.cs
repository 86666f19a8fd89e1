namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// One ';'-separated item of an a=fmtp line: "name=value", or a bare value such as telephone-event's "0-15"
/// or RED's "111/111" (then <see cref="Value"/> is null and <see cref="Name"/> holds the text).
/// </summary>
/// <param name="Name">The parameter name (or the bare item).</param>
/// <param name="Value">The value after '=', or null when there is no '='.</param>
public sealed record SdpFmtpParameter(string Name, string? Value);
