namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>One m= section of an offer we create (e.g. a stream we send to a subscriber).</summary>
/// <param name="Kind">Audio or video.</param>
/// <param name="Mid">The a=mid, unique in the offer.</param>
public sealed record SdpOfferMedia(SdpMediaKind Kind, string Mid)
{
    /// <summary>Our direction (sendonly for a subscription).</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendOnly;

    /// <summary>Our codecs, most preferred first, with their payload types.</summary>
    public required IReadOnlyList<SdpOfferCodec> Codecs { get; init; }

    /// <summary>Header extensions with the ids we chose.</summary>
    public IReadOnlyList<SdpExtmap> HeaderExtensions { get; init; } = [];

    /// <summary>What we send (msid, SSRCs, CNAME), or null.</summary>
    public SdpSendStream? SendStream { get; init; }
}
