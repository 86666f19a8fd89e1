using System.Buffers.Binary;

namespace VanYen.Media.Engine.Rtcp;

/// <summary>
/// A transport-wide congestion control feedback (RTPFB, FMT 15, draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1):
/// which transport-wide sequence numbers arrived and when, relative to a reference time.
/// </summary>
public readonly ref struct RtcpTransportWideFeedback
{
    /// <summary>The RTPFB format of transport-wide CC feedback.</summary>
    public const int Format = 15;

    /// <summary>Length of one reference time unit in milliseconds.</summary>
    public const int ReferenceTimeUnitMilliseconds = 64;

    /// <summary>Base sequence, status count, reference time and feedback packet count.</summary>
    private const int FixedFciLength = 8;

    private readonly ReadOnlySpan<byte> _fci;
    private readonly ReadOnlySpan<byte> _chunks;
    private readonly ReadOnlySpan<byte> _deltas;

    private RtcpTransportWideFeedback(uint senderSsrc, uint mediaSsrc, ReadOnlySpan<byte> fci, ReadOnlySpan<byte> chunks, ReadOnlySpan<byte> deltas)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        _fci = fci;
        _chunks = chunks;
        _deltas = deltas;
    }

    /// <summary>SSRC of the packet's sender.</summary>
    public uint SenderSsrc { get; }

    /// <summary>SSRC of the media source field.</summary>
    public uint MediaSsrc { get; }

    /// <summary>Transport-wide sequence number of the first packet described.</summary>
    public ushort BaseSequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_fci);

    /// <summary>Number of packets described, from <see cref="BaseSequenceNumber"/> on.</summary>
    public int PacketStatusCount => BinaryPrimitives.ReadUInt16BigEndian(_fci.Slice(2));

    /// <summary>Reference time: a 24-bit signed count of 64 ms units in the receiver's time base.</summary>
    public int ReferenceTime => (int)(BinaryPrimitives.ReadUInt32BigEndian(_fci.Slice(4)) & 0xFFFF_FF00) >> 8;

    /// <summary>The reference time in microseconds.</summary>
    public long ReferenceTimeMicroseconds => (long)ReferenceTime * ReferenceTimeUnitMilliseconds * 1000;

    /// <summary>Counts feedback packets sent, modulo 256, to detect lost feedback.</summary>
    public byte FeedbackPacketCount => _fci[7];

    /// <summary>The status of each described packet in sequence order; <c>foreach</c> over it.</summary>
    public RtcpTransportWidePacketStatusEnumerator PacketStatuses =>
        new(_chunks, _deltas, BaseSequenceNumber, PacketStatusCount);

    /// <summary>
    /// Reads a transport-wide CC feedback, walking its chunks: false unless RTPFB FMT 15 whose chunks cover
    /// the packet status count without a reserved symbol and whose receive deltas all fit.
    /// </summary>
    public static bool TryParse(in RtcpPacket packet, out RtcpTransportWideFeedback feedback)
    {
        feedback = default;
        if (!RtcpFeedback.TryRead(packet, RtcpPacketType.TransportLayerFeedback, Format, out uint sender, out uint media, out ReadOnlySpan<byte> fci)
            || fci.Length < FixedFciLength)
        {
            return false;
        }

        int remaining = BinaryPrimitives.ReadUInt16BigEndian(fci.Slice(2));
        int position = FixedFciLength;
        int deltaLength = 0;
        while (remaining > 0)
        {
            if (fci.Length - position < 2)
            {
                return false;
            }

            ushort chunk = BinaryPrimitives.ReadUInt16BigEndian(fci.Slice(position));
            position += 2;
            int symbols = Math.Min(RtcpTransportWidePacketStatusEnumerator.SymbolsIn(chunk), remaining);
            if ((chunk & 0x8000) == 0)
            {
                int symbol = RtcpTransportWidePacketStatusEnumerator.SymbolAt(chunk, 0);
                if (symbol == 3)
                {
                    return false;
                }

                deltaLength += symbol * symbols;
            }
            else
            {
                for (int i = 0; i < symbols; i++)
                {
                    int symbol = RtcpTransportWidePacketStatusEnumerator.SymbolAt(chunk, i);
                    if (symbol == 3)
                    {
                        return false;
                    }

                    // Symbol 1 carries a 1-byte delta, symbol 2 a 2-byte one (§3.1.5).
                    deltaLength += symbol;
                }
            }

            remaining -= symbols;
        }

        if (fci.Length - position < deltaLength)
        {
            return false;
        }

        feedback = new RtcpTransportWideFeedback(
            sender,
            media,
            fci,
            fci.Slice(FixedFciLength, position - FixedFciLength),
            fci.Slice(position, deltaLength));
        return true;
    }
}
