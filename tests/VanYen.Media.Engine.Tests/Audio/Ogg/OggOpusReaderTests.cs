using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Audio.Ogg;

public partial class OggOpusReaderTests
{
    [Fact]
    public void ReadsAnFfmpegFile()
    {
        using var directory = new TemporaryDirectory();
        string path = ExternalTool.CreateSineOpusFile(directory, seconds: 2);
        using OggOpusReader reader = OggOpusReader.Open(File.OpenRead(path));

        Assert.Equal(1, reader.ChannelCount);
        Assert.Equal(312, reader.PreSkip);
        Assert.Equal(0, reader.OutputGain);
        Assert.True(reader.InputSampleRate is 44100 or 48000, $"input rate {reader.InputSampleRate}");
        Assert.StartsWith("Lavf", reader.Vendor, StringComparison.Ordinal);
        Assert.NotNull(reader.Tags.GetComment("ENCODER"));

        int count = 0;
        long last = 0;
        while (reader.TryReadPacket(out ReadOnlyMemory<byte> packet, out long granule))
        {
            Assert.False(packet.IsEmpty);
            Assert.True(granule > last, $"granule {granule} after {last}");
            last = granule;
            count++;
        }

        // 2 s in 20 ms packets, plus one for the pre-skip; the last page is end-trimmed (RFC 7845 §4).
        Assert.InRange(count, 100, 102);
        Assert.Equal((2 * 48000) + 312, last);
        Assert.True(reader.IsEndOfStream);
        Assert.Equal(0, reader.CorruptPageCount);
        Assert.Equal(0, reader.SequenceGapCount);
        Assert.Equal(0, reader.DroppedPacketCount);
    }

    [Fact]
    public void RoundTripGivesBackTheSamePacketsAndGranules()
    {
        var random = new Random(42);
        var packets = new List<byte[]>();
        int[] special = [1, 254, 255, 256, 510, 511, 65_025, 65_026, 70_000, 140_000];
        for (int index = 0; index < 400; index++)
        {
            int length = index < special.Length ? special[index] : random.Next(1, 1500);
            packets.Add(OggTestData.CreatePacket(length, index));
        }

        byte[] data = WriteStream(packets, new OggOpusWriterOptions { SerialNumber = 5, MaxPacketsPerPage = 7 });
        Assert.True(OggTestData.SplitPages(data).Count > 50);

        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream(data));
        Assert.Equal(5u, reader.SerialNumber);
        Assert.Equal("VanYen.Media", reader.Vendor);
        for (int index = 0; index < packets.Count; index++)
        {
            Assert.True(reader.TryReadPacket(out ReadOnlyMemory<byte> packet, out long granule), $"packet {index} missing");
            Assert.Equal(packets[index], packet.ToArray());
            Assert.Equal(960L * (index + 1), granule);
        }

        Assert.False(reader.TryReadPacket(out _, out _));
        Assert.True(reader.IsEndOfStream);
        Assert.Equal(0, reader.CorruptPageCount + reader.SequenceGapCount + reader.DroppedPacketCount);
    }

    [Fact]
    public void HeaderFieldsAndCommentsRoundTrip()
    {
        var options = new OggOpusWriterOptions { ChannelCount = 2, PreSkip = 3840, InputSampleRate = 44100, OutputGain = 512 };
        options.Comments.Add(new KeyValuePair<string, string>("TITLE", "Lịch phát"));
        options.Comments.Add(new KeyValuePair<string, string>("ARTIST", "Đài xã"));
        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream(WriteStream([], options)));

        Assert.Equal(2, reader.ChannelCount);
        Assert.Equal(3840, reader.PreSkip);
        Assert.Equal(44100u, reader.InputSampleRate);
        Assert.Equal(512, reader.OutputGain);
        Assert.Equal(2, reader.Comments.Count);
        Assert.Equal("Lịch phát", reader.Tags.GetComment("TITLE"));
        Assert.Equal("Đài xã", reader.Tags.GetComment("artist"));
        Assert.False(reader.TryReadPacket(out _, out _));
    }

    [Fact]
    public void ALargeCommentHeaderSpanningPagesIsReassembled()
    {
        var options = new OggOpusWriterOptions();
        string large = new('x', 200_000);
        options.Comments.Add(new KeyValuePair<string, string>("DESCRIPTION", large));
        byte[] data = WriteStream([OggTestData.CreatePacket(10, 1)], options);

        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream(data));
        Assert.Equal(large, reader.Tags.GetComment("DESCRIPTION"));
        Assert.True(reader.TryReadPacket(out _, out long granule));
        Assert.Equal(960L, granule);
    }

    [Fact]
    public void AStreamThatReadsInSmallPiecesGivesTheSamePackets()
    {
        List<byte[]> packets = CreatePackets(60, seed: 3);
        byte[] data = WriteStream(packets, new OggOpusWriterOptions());
        using OggOpusReader reader = OggOpusReader.Open(new TrickleStream(data, 7));
        AssertReadsExactly(reader, packets);
    }

    [Fact]
    public void PagesOfOtherLogicalStreamsAreSkipped()
    {
        List<byte[]> packets = CreatePackets(50, seed: 4);
        List<byte[]> opusPages = OggTestData.SplitPages(WriteStream(packets, new OggOpusWriterOptions { SerialNumber = 1, MaxPacketsPerPage = 5 }));
        var mixed = new List<byte[]> { ForeignPage(OggPageFlags.BeginningOfStream, 0, "fishead"u8) };
        mixed.Insert(0, opusPages[0]);
        uint foreignSequence = 1;
        for (int index = 1; index < opusPages.Count; index++)
        {
            mixed.Add(opusPages[index]);
            mixed.Add(ForeignPage(OggPageFlags.None, foreignSequence++, "OpusTags-lookalike"u8));
        }

        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream(Concat(mixed)));
        AssertReadsExactly(reader, packets);
        Assert.True(reader.OtherStreamPageCount >= 2, $"skipped {reader.OtherStreamPageCount}");
    }

    [Fact]
    public void TheOpusStreamIsFoundAfterAnotherStreamsBeginningPage()
    {
        List<byte[]> packets = CreatePackets(5, seed: 5);
        List<byte[]> opusPages = OggTestData.SplitPages(WriteStream(packets, new OggOpusWriterOptions { SerialNumber = 1 }));
        opusPages.Insert(0, ForeignPage(OggPageFlags.BeginningOfStream, 0, "theora-like"u8));

        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream(Concat(opusPages)));
        Assert.Equal(1u, reader.SerialNumber);
        AssertReadsExactly(reader, packets);
    }

    [Fact]
    public void ReadingStopsAtTheEndOfStreamPage()
    {
        List<byte[]> packets = CreatePackets(10, seed: 6);
        byte[] first = WriteStream(packets, new OggOpusWriterOptions { SerialNumber = 1 });
        byte[] chained = WriteStream(CreatePackets(10, seed: 7), new OggOpusWriterOptions { SerialNumber = 1 });

        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream([.. first, .. chained]));
        AssertReadsExactly(reader, packets);
        Assert.True(reader.IsEndOfStream);
    }

    [Fact]
    public void TryReadPacketAllocatesNothing()
    {
        byte[] data = WriteStream(CreatePackets(12_000, seed: 8, maxLength: 40), new OggOpusWriterOptions());
        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream(data));
        AllocationBudget.AssertZero(() => Assert.True(reader.TryReadPacket(out _, out _)));
    }

    internal static List<byte[]> CreatePackets(int count, int seed, int maxLength = 600)
    {
        var random = new Random(seed);
        var packets = new List<byte[]>();
        for (int index = 0; index < count; index++)
        {
            packets.Add(OggTestData.CreatePacket(random.Next(1, maxLength), random.Next()));
        }

        return packets;
    }

    internal static byte[] WriteStream(List<byte[]> packets, OggOpusWriterOptions options)
    {
        using var output = new MemoryStream();
        using (var writer = new OggOpusWriter(output, options, leaveOpen: true))
        {
            foreach (byte[] packet in packets)
            {
                writer.WritePacket(packet);
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    internal static void AssertReadsExactly(OggOpusReader reader, List<byte[]> packets)
    {
        foreach (byte[] expected in packets)
        {
            Assert.True(reader.TryReadPacket(out ReadOnlyMemory<byte> packet, out _));
            Assert.Equal(expected, packet.ToArray());
        }

        Assert.False(reader.TryReadPacket(out _, out _));
    }

    internal static byte[] Concat(List<byte[]> pages)
    {
        var output = new MemoryStream();
        foreach (byte[] page in pages)
        {
            output.Write(page);
        }

        return output.ToArray();
    }

    private static byte[] ForeignPage(OggPageFlags flags, uint sequence, ReadOnlySpan<byte> body)
    {
        var page = new byte[OggPage.FixedHeaderLength + 1 + body.Length];
        OggPage.Write(page, flags, 0, 0xF0F0, sequence, [(byte)body.Length], body);
        return page;
    }

    /// <summary>A stream that returns at most a few bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
