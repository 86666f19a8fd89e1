using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Benchmarks.Rtp;

/// <summary>Per-packet cost of reading an RTP packet and rewriting it for forwarding (goal: parse + rewrite under 50 ns, 0 B).</summary>
[MemoryDiagnoser]
public class RtpPacketBenchmarks
{
    private readonly byte[] _packet = new byte[1200];
    private readonly byte[] _subscriberExtensionIds = [0, 2, 1, 5, 4];
    private int _length;
    private ushort _sequenceNumber;

    [GlobalSetup]
    public void Setup()
    {
        // A Chrome-style Opus packet: audio level, abs-send-time, transport-cc and mid, then 80 bytes of payload.
        var writer = new RtpHeaderWriter(_packet, new RtpHeaderFields(111, false, 1234, 123456, 0x11223344), extensionForm: RtpHeaderExtensionForm.OneByte);
        writer.TryAddExtension(1, [0x8A]);
        writer.TryAddExtension(2, [0x12, 0x34, 0x56]);
        writer.TryAddExtension(3, [0x01, 0x02]);
        writer.TryAddExtension(4, "0"u8);
        _length = writer.Finish() + 80;
    }

    [Benchmark(Baseline = true)]
    public uint Parse()
    {
        RtpPacket.TryParse(_packet.AsSpan(0, _length), out RtpPacket packet);
        return packet.Ssrc + (uint)packet.Payload.Length;
    }

    [Benchmark]
    public uint ParseAndRewriteForForwarding()
    {
        Span<byte> bytes = _packet.AsSpan(0, _length);
        if (!RtpPacket.TryParse(bytes, out RtpPacket packet))
        {
            return 0;
        }

        uint timestamp = packet.Timestamp + 960;
        RtpHeaderRewriter.Rewrite(bytes, 0xA1B2C3D4, _sequenceNumber++, timestamp);
        return timestamp;
    }

    [Benchmark]
    public int ParseAndFindTransportSequenceExtension()
    {
        RtpPacket.TryParse(_packet.AsSpan(0, _length), out RtpPacket packet);
        return packet.TryGetExtension(3, out ReadOnlySpan<byte> data) ? data[1] : -1;
    }

    [Benchmark]
    public bool RemapExtensionIds()
    {
        // Swapping ids 1 and 2 twice leaves the packet as it was for the next iteration.
        Span<byte> bytes = _packet.AsSpan(0, _length);
        return RtpHeaderRewriter.TryRemapExtensionIds(bytes, _subscriberExtensionIds)
            && RtpHeaderRewriter.TryRemapExtensionIds(bytes, _subscriberExtensionIds);
    }
}
