namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>Helpers for <see cref="SdpDirection"/>: attribute names and the offer/answer rules of RFC 3264 §6.1.</summary>
public static class SdpDirections
{
    /// <summary>The attribute name ("sendrecv", "sendonly", ...).</summary>
    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Maps an attribute name to a direction; false when it is not one.</summary>
    public static bool TryParse(string name, out SdpDirection direction)
    {
        switch (name)
        {
            case "sendrecv":
                direction = SdpDirection.SendRecv;
                return true;
            case "sendonly":
                direction = SdpDirection.SendOnly;
                return true;
            case "recvonly":
                direction = SdpDirection.RecvOnly;
                return true;
            case "inactive":
                direction = SdpDirection.Inactive;
                return true;
            default:
                direction = SdpDirection.SendRecv;
                return false;
        }
    }

    /// <summary>True when the side with this direction sends media.</summary>
    public static bool Sends(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>True when the side with this direction receives media.</summary>
    public static bool Receives(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    /// <summary>Builds a direction from what the side sends and receives.</summary>
    public static SdpDirection From(bool sends, bool receives) => (sends, receives) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };

    /// <summary>The same stream seen from the other side (sendonly ⇄ recvonly).</summary>
    public static SdpDirection Reverse(this SdpDirection direction) => From(direction.Receives(), direction.Sends());

    /// <summary>
    /// The answer's direction for an offered one, given what the answerer wants (RFC 3264 §6.1):
    /// the answerer may only send what the offerer receives and receive what it sends.
    /// </summary>
    public static SdpDirection Answer(SdpDirection offered, SdpDirection wanted) =>
        From(offered.Receives() && wanted.Sends(), offered.Sends() && wanted.Receives());

    /// <summary>True when <paramref name="answered"/> is a direction an answer may give to <paramref name="offered"/>.</summary>
    public static bool IsAllowedAnswer(SdpDirection offered, SdpDirection answered) =>
        (!answered.Sends() || offered.Receives()) && (!answered.Receives() || offered.Sends());
}
