using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VanYen.Media.Engine.WebRtc.Srtp;

public sealed partial class SrtpContext
{
    /// <summary>
    /// Protects an RTP packet into <paramref name="output"/> (RFC 3711 §3.3, RFC 7714 §8): the header
    /// stays clear, the payload is encrypted, the tag appended. <paramref name="output"/> may start at
    /// the same memory as <paramref name="rtp"/> (in place) or not overlap it at all, and needs
    /// <c>rtp.Length + </c><see cref="RtpOverhead"/> bytes.
    /// </summary>
    /// <returns>False for a malformed packet, a too-small output, or an SSRC over <see cref="MaxStreams"/>.</returns>
    public bool TryProtectRtp(ReadOnlySpan<byte> rtp, Span<byte> output, out int length)
    {
        length = 0;
        if (_disposed
            || !SrtpPacketHeader.TryGetRtpHeaderLength(rtp, out int headerLength)
            || output.Length < rtp.Length + _tagLength)
        {
            return false;
        }

        uint ssrc = SrtpPacketHeader.ReadRtpSsrc(rtp);
        ushort sequenceNumber = SrtpPacketHeader.ReadRtpSequenceNumber(rtp);
        if (!TryGetOrAddStream(ssrc, out SrtpStreamState? stream))
        {
            return false;
        }

        long index = stream.EstimateIndex(sequenceNumber);
        if (index < 0 || !TryPrepareOutput(rtp, output, headerLength))
        {
            return false;
        }

        uint rolloverCounter = (uint)(index >> 16);
        if (_rtp.IsAead)
        {
            Span<byte> iv = stackalloc byte[SrtpSessionCipher.GcmIvLength];
            _rtp.ComputeGcmRtpIv(ssrc, rolloverCounter, sequenceNumber, iv);

            // RFC 7714 §8.2: the whole RTP header (with CSRCs and extension) is the associated data.
            _rtp.GcmEncrypt(iv, rtp[headerLength..], output[headerLength..rtp.Length], output.Slice(rtp.Length, _tagLength), output[..headerLength]);
        }
        else
        {
            Span<byte> scratch = stackalloc byte[SrtpSessionCipher.AesCmIvLength + SrtpSessionCipher.HmacSha1Length + 4];
            Span<byte> iv = scratch[..SrtpSessionCipher.AesCmIvLength];
            Span<byte> hash = scratch.Slice(SrtpSessionCipher.AesCmIvLength, SrtpSessionCipher.HmacSha1Length);
            Span<byte> rolloverBytes = scratch[^4..];
            _rtp.ComputeAesCmIv(ssrc, (ulong)index, iv);
            _rtp.CounterModeTransform(iv, rtp[headerLength..], output[headerLength..rtp.Length]);

            // RFC 3711 §4.2: the tag covers the authenticated portion followed by the ROC.
            BinaryPrimitives.WriteUInt32BigEndian(rolloverBytes, rolloverCounter);
            _rtp.ComputeHmac(output[..rtp.Length], rolloverBytes, hash);
            hash[.._tagLength].CopyTo(output[rtp.Length..]);
        }

        stream.CommitIndex(sequenceNumber);
        length = rtp.Length + _tagLength;
        return true;
    }

    /// <summary>
    /// Protects the RTP packet in the first <paramref name="rtpLength"/> bytes of <paramref name="buffer"/>
    /// in place; the buffer needs <see cref="RtpOverhead"/> spare bytes after the packet.
    /// </summary>
    public bool TryProtectRtpInPlace(Span<byte> buffer, int rtpLength, out int length)
    {
        if ((uint)rtpLength > (uint)buffer.Length)
        {
            length = 0;
            return false;
        }

        return TryProtectRtp(buffer[..rtpLength], buffer, out length);
    }

    /// <summary>
    /// Authenticates and decrypts an SRTP packet in place (RFC 3711 §3.3, RFC 7714 §8). On
    /// <see cref="SrtpUnprotectResult.Ok"/> the first <paramref name="length"/> bytes are the RTP packet
    /// and the SSRC's rollover counter and replay window have advanced; on any other result the state
    /// is unchanged and the packet's bytes must be dropped (a failed GCM decryption clears the payload).
    /// </summary>
    public SrtpUnprotectResult UnprotectRtp(Span<byte> packet, out int length)
    {
        length = 0;
        if (_disposed || packet.Length < SrtpPacketHeader.RtpFixedHeaderLength + _tagLength)
        {
            return SrtpUnprotectResult.Malformed;
        }

        Span<byte> authenticated = packet[..^_tagLength];
        if (!SrtpPacketHeader.TryGetRtpHeaderLength(authenticated, out int headerLength))
        {
            return SrtpUnprotectResult.Malformed;
        }

        uint ssrc = SrtpPacketHeader.ReadRtpSsrc(packet);
        ushort sequenceNumber = SrtpPacketHeader.ReadRtpSequenceNumber(packet);
        SrtpStreamState? stream = FindStream(ssrc);

        // RFC 3711 §3.3.1: a new SSRC starts with ROC 0, so its first index is its sequence number.
        long index = stream is null ? sequenceNumber : stream.EstimateIndex(sequenceNumber);
        if (index < 0)
        {
            return SrtpUnprotectResult.TooOld;
        }

        if (stream is not null)
        {
            // RFC 3711 §3.3.2: replay check before the (costlier) authentication.
            SrtpUnprotectResult replay = stream.RtpReplay.Check(index);
            if (replay != SrtpUnprotectResult.Ok)
            {
                return replay;
            }
        }
        else if (!CanAddStream())
        {
            return SrtpUnprotectResult.TooManyStreams;
        }

        uint rolloverCounter = (uint)(index >> 16);
        if (_rtp.IsAead)
        {
            Span<byte> iv = stackalloc byte[SrtpSessionCipher.GcmIvLength];
            _rtp.ComputeGcmRtpIv(ssrc, rolloverCounter, sequenceNumber, iv);
            Span<byte> ciphertext = authenticated[headerLength..];
            if (!_rtp.TryGcmDecrypt(iv, ciphertext, packet[^_tagLength..], ciphertext, packet[..headerLength]))
            {
                return SrtpUnprotectResult.AuthenticationFailed;
            }
        }
        else
        {
            Span<byte> scratch = stackalloc byte[SrtpSessionCipher.AesCmIvLength + SrtpSessionCipher.HmacSha1Length + 4];
            Span<byte> iv = scratch[..SrtpSessionCipher.AesCmIvLength];
            Span<byte> hash = scratch.Slice(SrtpSessionCipher.AesCmIvLength, SrtpSessionCipher.HmacSha1Length);
            Span<byte> rolloverBytes = scratch[^4..];
            BinaryPrimitives.WriteUInt32BigEndian(rolloverBytes, rolloverCounter);
            _rtp.ComputeHmac(authenticated, rolloverBytes, hash);
            if (!CryptographicOperations.FixedTimeEquals(hash[.._tagLength], packet[^_tagLength..]))
            {
                return SrtpUnprotectResult.AuthenticationFailed;
            }

            _rtp.ComputeAesCmIv(ssrc, (ulong)index, iv);
            Span<byte> payload = authenticated[headerLength..];
            _rtp.CounterModeTransform(iv, payload, payload);
        }

        // RFC 3711 §3.3.1: ROC and s_l advance only once the packet authenticated.
        stream ??= AddStream(ssrc);
        stream.RtpReplay.Accept(index);
        stream.CommitIndex(sequenceNumber);
        length = authenticated.Length;
        return SrtpUnprotectResult.Ok;
    }
}
