using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VanYen.Media.Engine.WebRtc.Srtp;

public sealed partial class SrtpContext
{
    private const uint EncryptedFlag = 0x8000_0000;

    /// <summary>
    /// Protects a (compound) RTCP packet into <paramref name="output"/> (RFC 3711 §3.4, RFC 7714 §9):
    /// the first 8 bytes stay clear, the rest is encrypted, then come the tag and the E flag with the
    /// SRTCP index (AES-CM: index then tag; GCM: tag then index). Always encrypts (E = 1).
    /// <paramref name="output"/> may start at the same memory as <paramref name="rtcp"/> or not overlap it,
    /// and needs <c>rtcp.Length + </c><see cref="RtcpOverhead"/> bytes.
    /// </summary>
    public bool TryProtectRtcp(ReadOnlySpan<byte> rtcp, Span<byte> output, out int length)
    {
        length = 0;
        int protectedLength = rtcp.Length + _tagLength + SrtpProtectionProfileExtensions.SrtcpIndexLength;
        if (_disposed || !SrtpPacketHeader.IsRtcpHeaderValid(rtcp) || output.Length < protectedLength)
        {
            return false;
        }

        uint ssrc = SrtpPacketHeader.ReadRtcpSsrc(rtcp);
        if (!TryGetOrAddStream(ssrc, out SrtpStreamState? stream))
        {
            return false;
        }

        uint index = stream.NextSrtcpIndex;

        // RFC 3711 §3.4: the 31-bit SRTCP index must not wrap under one key.
        if (index > MaxSrtcpIndex || !TryPrepareOutput(rtcp, output, SrtpPacketHeader.RtcpFixedHeaderLength))
        {
            return false;
        }

        uint flagAndIndex = EncryptedFlag | index;
        const int headerLength = SrtpPacketHeader.RtcpFixedHeaderLength;
        if (_rtcp.IsAead)
        {
            Span<byte> scratch = stackalloc byte[SrtpSessionCipher.GcmIvLength + headerLength + 4];
            Span<byte> iv = scratch[..SrtpSessionCipher.GcmIvLength];
            Span<byte> associatedData = scratch[SrtpSessionCipher.GcmIvLength..];
            _rtcp.ComputeGcmRtcpIv(ssrc, index, iv);

            // RFC 7714 §9.2: AAD = the first 8 octets || E flag and SRTCP index.
            output[..headerLength].CopyTo(associatedData);
            BinaryPrimitives.WriteUInt32BigEndian(associatedData[headerLength..], flagAndIndex);
            _rtcp.GcmEncrypt(iv, rtcp[headerLength..], output[headerLength..rtcp.Length], output.Slice(rtcp.Length, _tagLength), associatedData);
            BinaryPrimitives.WriteUInt32BigEndian(output.Slice(rtcp.Length + _tagLength, 4), flagAndIndex);
        }
        else
        {
            Span<byte> scratch = stackalloc byte[SrtpSessionCipher.AesCmIvLength + SrtpSessionCipher.HmacSha1Length];
            Span<byte> iv = scratch[..SrtpSessionCipher.AesCmIvLength];
            Span<byte> hash = scratch[SrtpSessionCipher.AesCmIvLength..];
            _rtcp.ComputeAesCmIv(ssrc, index, iv);
            _rtcp.CounterModeTransform(iv, rtcp[headerLength..], output[headerLength..rtcp.Length]);
            BinaryPrimitives.WriteUInt32BigEndian(output.Slice(rtcp.Length, 4), flagAndIndex);

            // RFC 3711 §3.4: the tag covers the packet, the E flag and the index.
            _rtcp.ComputeHmac(output[..(rtcp.Length + 4)], default, hash);
            hash[.._tagLength].CopyTo(output[(rtcp.Length + 4)..]);
        }

        stream.NextSrtcpIndex = index + 1;
        length = protectedLength;
        return true;
    }

    /// <summary>
    /// Protects the RTCP packet in the first <paramref name="rtcpLength"/> bytes of <paramref name="buffer"/>
    /// in place; the buffer needs <see cref="RtcpOverhead"/> spare bytes after the packet.
    /// </summary>
    public bool TryProtectRtcpInPlace(Span<byte> buffer, int rtcpLength, out int length)
    {
        if ((uint)rtcpLength > (uint)buffer.Length)
        {
            length = 0;
            return false;
        }

        return TryProtectRtcp(buffer[..rtcpLength], buffer, out length);
    }

    /// <summary>
    /// Authenticates and, when its E flag is set, decrypts an SRTCP packet in place (RFC 3711 §3.4,
    /// RFC 7714 §9). On <see cref="SrtpUnprotectResult.Ok"/> the first <paramref name="length"/> bytes are
    /// the RTCP packet and the SRTCP index is recorded in the replay window; otherwise nothing changes
    /// and the packet must be dropped.
    /// </summary>
    public SrtpUnprotectResult UnprotectRtcp(Span<byte> packet, out int length)
    {
        length = 0;
        const int headerLength = SrtpPacketHeader.RtcpFixedHeaderLength;
        const int indexLength = SrtpProtectionProfileExtensions.SrtcpIndexLength;
        if (_disposed || packet.Length < headerLength + indexLength + _tagLength)
        {
            return SrtpUnprotectResult.Malformed;
        }

        int rtcpLength = packet.Length - indexLength - _tagLength;
        int indexOffset = _rtcp.IsAead ? packet.Length - indexLength : rtcpLength;
        if (!SrtpPacketHeader.IsRtcpHeaderValid(packet[..rtcpLength]))
        {
            return SrtpUnprotectResult.Malformed;
        }

        uint flagAndIndex = BinaryPrimitives.ReadUInt32BigEndian(packet.Slice(indexOffset, indexLength));
        bool encrypted = (flagAndIndex & EncryptedFlag) != 0;
        uint index = flagAndIndex & MaxSrtcpIndex;
        uint ssrc = SrtpPacketHeader.ReadRtcpSsrc(packet);
        SrtpStreamState? stream = FindStream(ssrc);
        if (stream is not null)
        {
            SrtpUnprotectResult replay = stream.RtcpReplay.Check(index);
            if (replay != SrtpUnprotectResult.Ok)
            {
                return replay;
            }
        }
        else if (!CanAddStream())
        {
            return SrtpUnprotectResult.TooManyStreams;
        }

        bool authentic = _rtcp.IsAead
            ? TryOpenGcmRtcp(packet, rtcpLength, ssrc, index, flagAndIndex, encrypted)
            : TryOpenAesCmRtcp(packet, rtcpLength, ssrc, index, encrypted);
        if (!authentic)
        {
            return SrtpUnprotectResult.AuthenticationFailed;
        }

        stream ??= AddStream(ssrc);
        stream.RtcpReplay.Accept(index);
        length = rtcpLength;
        return SrtpUnprotectResult.Ok;
    }

    private bool TryOpenAesCmRtcp(Span<byte> packet, int rtcpLength, uint ssrc, uint index, bool encrypted)
    {
        Span<byte> scratch = stackalloc byte[SrtpSessionCipher.AesCmIvLength + SrtpSessionCipher.HmacSha1Length];
        Span<byte> iv = scratch[..SrtpSessionCipher.AesCmIvLength];
        Span<byte> hash = scratch[SrtpSessionCipher.AesCmIvLength..];
        int authenticatedLength = rtcpLength + SrtpProtectionProfileExtensions.SrtcpIndexLength;
        _rtcp.ComputeHmac(packet[..authenticatedLength], default, hash);
        if (!CryptographicOperations.FixedTimeEquals(hash[.._tagLength], packet.Slice(authenticatedLength, _tagLength)))
        {
            return false;
        }

        if (encrypted)
        {
            _rtcp.ComputeAesCmIv(ssrc, index, iv);
            Span<byte> body = packet[SrtpPacketHeader.RtcpFixedHeaderLength..rtcpLength];
            _rtcp.CounterModeTransform(iv, body, body);
        }

        return true;
    }

    private bool TryOpenGcmRtcp(Span<byte> packet, int rtcpLength, uint ssrc, uint index, uint flagAndIndex, bool encrypted)
    {
        const int headerLength = SrtpPacketHeader.RtcpFixedHeaderLength;
        Span<byte> scratch = stackalloc byte[SrtpSessionCipher.GcmIvLength + headerLength + 4 + 16];
        Span<byte> iv = scratch[..SrtpSessionCipher.GcmIvLength];
        _rtcp.ComputeGcmRtcpIv(ssrc, index, iv);
        Span<byte> tag = packet.Slice(rtcpLength, _tagLength);
        if (encrypted)
        {
            // RFC 7714 §9.2: AAD = the first 8 octets || E flag and SRTCP index.
            Span<byte> associatedData = scratch.Slice(SrtpSessionCipher.GcmIvLength, headerLength + 4);
            packet[..headerLength].CopyTo(associatedData);
            BinaryPrimitives.WriteUInt32BigEndian(associatedData[headerLength..], flagAndIndex);
            Span<byte> body = packet[headerLength..rtcpLength];
            return _rtcp.TryGcmDecrypt(iv, body, tag, body, associatedData);
        }

        // RFC 7714 §9.3: unencrypted SRTCP authenticates the whole packet || E flag and index.
        // Lay that out contiguously over the tag's place (saving the tag), then put it back.
        Span<byte> savedTag = scratch.Slice(SrtpSessionCipher.GcmIvLength + headerLength + 4, 16);
        tag.CopyTo(savedTag);
        BinaryPrimitives.WriteUInt32BigEndian(packet.Slice(rtcpLength, 4), flagAndIndex);
        bool authentic = _rtcp.TryGcmDecrypt(iv, default, savedTag, default, packet[..(rtcpLength + 4)]);
        savedTag.CopyTo(tag);
        return authentic;
    }
}
