using System.Net;

namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>What <see cref="SdpAnswerer"/> needs to answer a browser's offer as an ICE-lite, DTLS-SRTP server.</summary>
public sealed record SdpAnswerOptions
{
    /// <summary>Our ICE username fragment (at least 4 ice-chars, RFC 8839 §5.4).</summary>
    public required string IceUfrag { get; init; }

    /// <summary>Our ICE password (at least 22 ice-chars); it keys MESSAGE-INTEGRITY of our STUN responses.</summary>
    public required string IcePassword { get; init; }

    /// <summary>The fingerprint of our DTLS certificate (sha-256).</summary>
    public required SdpFingerprint Fingerprint { get; init; }

    /// <summary>Our UDP host candidates (IPv4 and/or IPv6), most preferred first; the first is the default address.</summary>
    public IReadOnlyList<IPEndPoint> HostCandidates { get; init; } = [];

    /// <summary>Audio codecs we accept, most preferred first.</summary>
    public IReadOnlyList<SdpCodecCapability> AudioCodecs { get; init; } = [SdpCodecCapability.Opus];

    /// <summary>Video codecs we accept, most preferred first; empty rejects every video m-line.</summary>
    public IReadOnlyList<SdpCodecCapability> VideoCodecs { get; init; } = [SdpCodecCapability.Vp8, SdpCodecCapability.H264Baseline];

    /// <summary>RTP header extension URIs we accept.</summary>
    public IReadOnlyList<string> HeaderExtensions { get; init; } = SdpHeaderExtensionUris.Defaults;

    /// <summary>RTCP feedback kinds we accept.</summary>
    public IReadOnlyList<SdpRtcpFeedbackType> RtcpFeedback { get; init; } = SdpRtcpFeedbackType.Defaults;

    /// <summary>What we do on audio m-lines not listed in <see cref="MediaByMid"/>.</summary>
    public SdpLocalMedia Audio { get; init; } = SdpLocalMedia.ReceiveOnly;

    /// <summary>What we do on video m-lines not listed in <see cref="MediaByMid"/>.</summary>
    public SdpLocalMedia Video { get; init; } = SdpLocalMedia.ReceiveOnly;

    /// <summary>What we do per mid, overriding <see cref="Audio"/> and <see cref="Video"/>.</summary>
    public IReadOnlyDictionary<string, SdpLocalMedia> MediaByMid { get; init; } = new Dictionary<string, SdpLocalMedia>();

    /// <summary>Fail when no audio m-line with an accepted codec is in the offer (true by default).</summary>
    public bool RequireAudio { get; init; } = true;

    /// <summary>Echo a=extmap-allow-mixed (RFC 8285 §6) when offered: only if the RTP layer reads two-byte headers.</summary>
    public bool AcceptExtmapAllowMixed { get; init; }

    /// <summary>The o= session id, or null for a random one.</summary>
    public string? SessionId { get; init; }

    /// <summary>The o= session version.</summary>
    public ulong SessionVersion { get; init; } = 1;
}
