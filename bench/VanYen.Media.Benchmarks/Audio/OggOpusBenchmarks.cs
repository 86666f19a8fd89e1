using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Audio.Ogg;

namespace VanYen.Media.Benchmarks.Audio;

/// <summary>
/// Ogg Opus paging cost: 50 packets of 20 ms (1 s of 32 kb/s audio) written as pages, and read back.
/// Writing reuses one writer per run (steady state, 0 B); reading opens a reader per run, so its
/// figure includes the open (header parse, pooled buffer rent), not a per-packet cost.
/// </summary>
[MemoryDiagnoser]
public class OggOpusBenchmarks
{
    private const int PacketCount = 50;
    private readonly byte[][] _packets = new byte[PacketCount][];
    private readonly MemoryStream _writeTarget = new(64 * 1024);
    private byte[] _file = [];
    private OggOpusWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (int index = 0; index < PacketCount; index++)
        {
            var packet = new byte[80];
            random.NextBytes(packet);
            // CELT-only fullband 20 ms, one frame (RFC 6716 §3.1).
            packet[0] = 0xF8;
            _packets[index] = packet;
        }

        using var output = new MemoryStream();
        using (var writer = new OggOpusWriter(output, new OggOpusWriterOptions { SerialNumber = 1 }, leaveOpen: true))
        {
            foreach (byte[] packet in _packets)
            {
                writer.WritePacket(packet);
            }

            writer.Complete();
        }

        _file = output.ToArray();
        _writer = new OggOpusWriter(_writeTarget, new OggOpusWriterOptions { SerialNumber = 1, MaxPacketsPerPage = 50 }, leaveOpen: true);
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true, Description = "Ogg CRC of one 4 KB page")]
    public uint Crc() => OggCrc.Compute(_file.AsSpan(0, Math.Min(4096, _file.Length)));

    [Benchmark(Description = "write 50 packets (one page)")]
    public long WriteFiftyPackets()
    {
        _writeTarget.Position = 0;
        foreach (byte[] packet in _packets)
        {
            _writer.WritePacket(packet);
        }

        return _writer.PageCount;
    }

    [Benchmark(Description = "open + read 50 packets")]
    public long ReadFiftyPackets()
    {
        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream(_file, writable: false));
        long last = 0;
        while (reader.TryReadPacket(out _, out long granule))
        {
            last = granule;
        }

        return last;
    }
}
