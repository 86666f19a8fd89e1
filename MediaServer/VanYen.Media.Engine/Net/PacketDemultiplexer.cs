namespace VanYen.Media.Engine.Net;

/// <summary>
/// Sorts a datagram received on a shared media port into STUN, DTLS, RTP,
/// RTCP and the rest, from its first two bytes. Static and allocation-free.
/// </summary>
/// <remarks>
/// First byte ranges follow RFC 7983 §7; RTP and RTCP share the 128–191 range
/// and are told apart by the second byte, which is the RTCP packet type
/// 192–223 or else an RTP marker bit and payload type (RFC 5761 §4).
/// A datagram shorter than the fixed header of its kind is <see cref="PacketKind.Unknown"/>,
/// so that no later parser is handed a stub.
/// </remarks>
public static class PacketDemultiplexer
{
    /// <summary>STUN message header (RFC 8489 §5).</summary>
    public const int MinimumStunLength = 20;

    /// <summary>ZRTP packet header: version, sequence, magic cookie, source identifier (RFC 6189 §5).</summary>
    public const int MinimumZrtpLength = 12;

    /// <summary>
    /// DTLS 1.2 record header (RFC 6347 §4.1). A DTLS 1.3 ciphertext record (RFC 9147 §4) has a shorter
    /// header but carries at least a 16-byte AEAD tag, so it is never shorter than this either.
    /// </summary>
    public const int MinimumDtlsLength = 13;

    /// <summary>TURN ChannelData header: channel number and length (RFC 8656 §12.4).</summary>
    public const int MinimumTurnChannelLength = 4;

    /// <summary>RTP fixed header (RFC 3550 §5.1).</summary>
    public const int MinimumRtpLength = 12;

    /// <summary>RTCP header plus sender SSRC, the shortest valid packet (an empty receiver report, RFC 3550 §6.4.2).</summary>
    public const int MinimumRtcpLength = 8;

    /// <summary>Returns the kind of <paramref name="datagram"/>, or <see cref="PacketKind.Unknown"/> when it is none of them or too short.</summary>
    public static PacketKind Classify(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty)
        {
            return PacketKind.Unknown;
        }

        byte first = datagram[0];

        // RFC 7983 §7: the first byte alone decides, except between RTP and RTCP.
        if (first >= 128)
        {
            if (first > 191 || datagram.Length < MinimumRtcpLength)
            {
                return PacketKind.Unknown;
            }

            // RFC 5761 §4: RTCP packet types 192–223 occupy the byte where RTP has marker + payload type.
            byte second = datagram[1];
            if (second is >= 192 and <= 223)
            {
                return PacketKind.Rtcp;
            }

            return datagram.Length >= MinimumRtpLength ? PacketKind.Rtp : PacketKind.Unknown;
        }

        if (first <= 3)
        {
            return datagram.Length >= MinimumStunLength ? PacketKind.Stun : PacketKind.Unknown;
        }

        if (first is >= 20 and <= 63)
        {
            return datagram.Length >= MinimumDtlsLength ? PacketKind.Dtls : PacketKind.Unknown;
        }

        if (first is >= 64 and <= 79)
        {
            return datagram.Length >= MinimumTurnChannelLength ? PacketKind.TurnChannel : PacketKind.Unknown;
        }

        if (first is >= 16 and <= 19)
        {
            return datagram.Length >= MinimumZrtpLength ? PacketKind.Zrtp : PacketKind.Unknown;
        }

        return PacketKind.Unknown;
    }
}
