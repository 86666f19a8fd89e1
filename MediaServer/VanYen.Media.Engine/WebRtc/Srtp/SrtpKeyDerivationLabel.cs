namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>The key derivation labels of RFC 3711 §4.3.2 (RTP) and §4.3.2 / §3.4 (RTCP).</summary>
internal enum SrtpKeyDerivationLabel : byte
{
    RtpEncryption = 0x00,
    RtpAuthentication = 0x01,
    RtpSalt = 0x02,
    RtcpEncryption = 0x03,
    RtcpAuthentication = 0x04,
    RtcpSalt = 0x05,
}
