using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Rooms;

/// <summary>
/// A browser's offer to be answered outside the echo and relay rooms, with what the server does on each m= section:
/// the meetings' audio bridge (sendrecv audio) and the consultation SFU (audio and video, per-mid directions and
/// send streams). See <see cref="RoomService.OpenSessionAsync"/>.
/// </summary>
/// <param name="SessionId">The session's id (unique across the service; end it with <see cref="IRoomService.LeaveAsync"/>).</param>
/// <param name="OfferSdp">The browser's offer.</param>
public sealed record SessionOpenRequest(string SessionId, string OfferSdp)
{
    /// <summary>What the server does on audio m-lines not named in <see cref="MediaByMid"/>.</summary>
    public SdpLocalMedia Audio { get; init; } = SdpLocalMedia.ReceiveOnly;

    /// <summary>What the server does on video m-lines not named in <see cref="MediaByMid"/>.</summary>
    public SdpLocalMedia Video { get; init; } = SdpLocalMedia.ReceiveOnly;

    /// <summary>Per mid, overriding <see cref="Audio"/> and <see cref="Video"/>.</summary>
    public IReadOnlyDictionary<string, SdpLocalMedia> MediaByMid { get; init; } = new Dictionary<string, SdpLocalMedia>();

    /// <summary>Audio codecs accepted, most preferred first; by default Opus with in-band FEC.</summary>
    public IReadOnlyList<SdpCodecCapability> AudioCodecs { get; init; } = [SdpCodecCapability.Opus];

    /// <summary>Video codecs accepted; empty (the default) rejects video m-lines.</summary>
    public IReadOnlyList<SdpCodecCapability> VideoCodecs { get; init; } = [];

    /// <summary>RTP header extensions accepted; by default the audio level (RFC 6464) only.</summary>
    public IReadOnlyList<string> HeaderExtensions { get; init; } = [AudioLevelExtension.Uri];

    /// <summary>RTCP feedback accepted (RFC 4585); null keeps the answerer's defaults.</summary>
    public IReadOnlyList<SdpRtcpFeedbackType>? RtcpFeedback { get; init; }
}
