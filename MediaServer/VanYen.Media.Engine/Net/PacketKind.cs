namespace VanYen.Media.Engine.Net;

/// <summary>
/// What a datagram arriving on a media port is, decided from its first bytes
/// (RFC 7983 §7, RFC 5761 §4). The value says which layer handles it next.
/// </summary>
public enum PacketKind : byte
{
    /// <summary>Not a protocol multiplexed on a media port, or too short to be one: dropped and counted as malformed.</summary>
    Unknown = 0,

    /// <summary>STUN (RFC 8489): ICE connectivity checks and consent, first byte 0–3.</summary>
    Stun,

    /// <summary>ZRTP (RFC 6189), first byte 16–19. Classified so it can be counted; this server does not speak it.</summary>
    Zrtp,

    /// <summary>DTLS record (RFC 9147 / RFC 6347), first byte 20–63.</summary>
    Dtls,

    /// <summary>TURN ChannelData message (RFC 8656 §12.4), first byte 64–79.</summary>
    TurnChannel,

    /// <summary>RTP or SRTP (RFC 3550 / RFC 3711), first byte 128–191 and second byte outside the RTCP packet types.</summary>
    Rtp,

    /// <summary>RTCP or SRTCP, first byte 128–191 and second byte (packet type) 192–223 (RFC 5761 §4).</summary>
    Rtcp,
}
