using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>A BYE packet (RFC 3550 §6.6): the sources leaving and an optional reason.</summary>
public readonly ref struct RtcpBye
{
    private const int MaxSources = 31;
    private const int MaxReasonLength = 255;

    private readonly ReadOnlySpan<byte> _body;

    private RtcpBye(ReadOnlySpan<byte> body, int ssrcCount, ReadOnlySpan<byte> reason, bool hasReason)
    {
        _body = body;
        SsrcCount = ssrcCount;
        Reason = reason;
        HasReason = hasReason;
    }

    /// <summary>Number of SSRC/CSRC identifiers.</summary>
    public int SsrcCount { get; }

    /// <summary>True when a reason for leaving follows the identifiers.</summary>
    public bool HasReason { get; }

    /// <summary>The reason text, UTF-8, empty without one.</summary>
    public ReadOnlySpan<byte> Reason { get; }

    /// <summary>Returns identifier <paramref name="index"/> (0 to <see cref="SsrcCount"/> - 1).</summary>
    public uint GetSsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)SsrcCount, nameof(index));
        return BinaryPrimitives.ReadUInt32BigEndian(_body.Slice(4 * index));
    }

    /// <summary>Reads a BYE; false when it is not one, the identifiers do not fit or the reason overruns.</summary>
    public static bool TryParse(in RtcpPacket packet, out RtcpBye bye)
    {
        bye = default;
        if (packet.PacketType != RtcpPacketType.Bye)
        {
            return false;
        }

        ReadOnlySpan<byte> body = packet.Body;
        int count = packet.Count;
        int reasonOffset = 4 * count;
        if (body.Length < reasonOffset)
        {
            return false;
        }

        ReadOnlySpan<byte> reason = default;
        bool hasReason = false;
        if (body.Length > reasonOffset)
        {
            int reasonLength = body[reasonOffset];
            if (reasonLength > body.Length - reasonOffset - 1)
            {
                return false;
            }

            reason = body.Slice(reasonOffset + 1, reasonLength);
            hasReason = reasonLength > 0;
        }

        bye = new RtcpBye(body, count, reason, hasReason);
        return true;
    }

    /// <summary>Bytes a BYE with <paramref name="ssrcCount"/> identifiers and a <paramref name="reasonLength"/>-byte reason takes.</summary>
    public static int GetLength(int ssrcCount, int reasonLength) =>
        RtcpPacket.HeaderLength + (4 * ssrcCount) + (reasonLength == 0 ? 0 : (1 + reasonLength + 3) & ~3);

    /// <summary>Writes a BYE and returns its length; throws when <paramref name="destination"/> is too small.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="ssrcs">The sources leaving, at most 31.</param>
    /// <param name="reason">Optional reason, UTF-8, at most 255 bytes.</param>
    public static int Write(Span<byte> destination, ReadOnlySpan<uint> ssrcs, ReadOnlySpan<byte> reason = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ssrcs.Length, MaxSources, nameof(ssrcs));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reason.Length, MaxReasonLength, nameof(reason));
        int length = GetLength(ssrcs.Length, reason.Length);
        RtcpHeader.EnsureCapacity(destination, length);
        RtcpHeader.Write(destination, ssrcs.Length, RtcpPacketType.Bye, length);
        int offset = RtcpPacket.HeaderLength;
        foreach (uint ssrc in ssrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(offset), ssrc);
            offset += 4;
        }

        if (reason.Length > 0)
        {
            destination[offset] = (byte)reason.Length;
            reason.CopyTo(destination.Slice(offset + 1));
            int end = offset + 1 + reason.Length;
            destination.Slice(end, length - end).Clear();
        }

        return length;
    }
}
