using VanYen.Media.Engine.Audio.Ogg;

namespace VanYen.Media.Engine.Tests.Audio.Ogg;

/// <summary>Hostile and damaged input: clear errors at open, counted and skipped damage afterwards.</summary>
public partial class OggOpusReaderTests
{
    [Fact]
    public void AnEmptyStreamIsRejectedClearly()
    {
        var error = Assert.Throws<InvalidDataException>(() => OggOpusReader.Open(new MemoryStream()));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWrongCapturePatternIsRejectedClearly()
    {
        byte[] data = WriteStream(CreatePackets(3, seed: 1), new OggOpusWriterOptions());
        data[0] = (byte)'R';
        var error = Assert.Throws<InvalidDataException>(() => OggOpusReader.Open(new MemoryStream(data)));
        Assert.Contains("OggS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWavFileIsRejectedClearly()
    {
        byte[] data = [.. "RIFF\x24\0\0\0WAVEfmt "u8, .. new byte[100]];
        var error = Assert.Throws<InvalidDataException>(() => OggOpusReader.Open(new MemoryStream(data)));
        Assert.Contains("Not an Ogg stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingOpusHeadIsRejectedClearly()
    {
        List<byte[]> pages = OggTestData.SplitPages(WriteStream(CreatePackets(3, seed: 1), new OggOpusWriterOptions { SerialNumber = 1 }));
        byte[] vorbisLike = new byte[OggPage.FixedHeaderLength + 1 + 30];
        OggPage.Write(vorbisLike, OggPageFlags.BeginningOfStream, 0, 1, 0, [30], new byte[30]);
        pages[0] = vorbisLike;

        var error = Assert.Throws<InvalidDataException>(() => OggOpusReader.Open(new MemoryStream(Concat(pages))));
        Assert.Contains("OpusHead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOpusHeadWithABadChannelCountIsRejectedClearly()
    {
        byte[] head = new byte[19];
        new OpusHead(1).Write(head);
        head[9] = 3;
        var error = Assert.Throws<InvalidDataException>(() => OggOpusReader.Open(new MemoryStream(SinglePacketStream(head))));
        Assert.Contains("family 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingOpusTagsIsRejectedClearly()
    {
        List<byte[]> pages = OggTestData.SplitPages(WriteStream(CreatePackets(3, seed: 1), new OggOpusWriterOptions()));
        pages.RemoveAt(1);
        // Renumber so that only the missing comment header is wrong.
        byte[] data = Renumber(pages);

        var error = Assert.Throws<InvalidDataException>(() => OggOpusReader.Open(new MemoryStream(data)));
        Assert.Contains("OpusTags", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStreamEndingAfterTheOpusHeadIsRejectedClearly()
    {
        byte[] head = new byte[19];
        new OpusHead(1).Write(head);
        var error = Assert.Throws<InvalidDataException>(() => OggOpusReader.Open(new MemoryStream(SinglePacketStream(head))));
        Assert.Contains("OpusTags", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADamagedHeaderPageIsRejectedClearly()
    {
        byte[] data = WriteStream(CreatePackets(3, seed: 1), new OggOpusWriterOptions());
        int tagsPage = OggTestData.SplitPages(data)[0].Length;
        data[tagsPage + 40] ^= 0x01;
        var error = Assert.Throws<InvalidDataException>(() => OggOpusReader.Open(new MemoryStream(data)));
        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncationInsideTheHeadersIsRejectedAndInsideTheAudioLosesOnlyTheTail()
    {
        List<byte[]> packets = CreatePackets(100, seed: 2);
        byte[] data = WriteStream(packets, new OggOpusWriterOptions { MaxPacketsPerPage = 10 });
        List<byte[]> pages = OggTestData.SplitPages(data);
        int headersLength = pages[0].Length + pages[1].Length;

        for (int length = 0; length < data.Length; length += 97)
        {
            var stream = new MemoryStream(data, 0, length);
            if (length < headersLength)
            {
                Assert.Throws<InvalidDataException>(() => OggOpusReader.Open(stream));
                continue;
            }

            using OggOpusReader reader = OggOpusReader.Open(stream);
            int index = 0;
            while (reader.TryReadPacket(out ReadOnlyMemory<byte> packet, out _))
            {
                Assert.Equal(packets[index], packet.ToArray());
                index++;
            }

            Assert.False(reader.IsEndOfStream);
            Assert.True(index <= packets.Count);
        }
    }

    [Fact]
    public void AFlippedByteInAnAudioPageIsCountedAndReadingContinues()
    {
        List<byte[]> packets = CreatePackets(100, seed: 3);
        List<byte[]> pages = OggTestData.SplitPages(WriteStream(packets, new OggOpusWriterOptions { MaxPacketsPerPage = 10 }));
        // Damage the body of the fourth audio page (packets 30..39).
        pages[5][pages[5].Length - 3] ^= 0x40;

        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream(Concat(pages)));
        var read = new List<byte[]>();
        var granules = new List<long>();
        while (reader.TryReadPacket(out ReadOnlyMemory<byte> packet, out long granule))
        {
            read.Add(packet.ToArray());
            granules.Add(granule);
        }

        Assert.Equal(1, reader.CorruptPageCount);
        Assert.Equal(1, reader.SequenceGapCount);
        Assert.Equal(0, reader.DroppedPacketCount);
        Assert.True(reader.IsEndOfStream);
        Assert.Equal(90, read.Count);
        Assert.Equal(packets[29], read[29]);
        Assert.Equal(packets[40], read[30]);
        Assert.Equal(960L * 41, granules[30]);
    }

    [Fact]
    public void ALostPageInTheMiddleOfAContinuedPacketDropsOnlyThatPacket()
    {
        List<byte[]> packets = [OggTestData.CreatePacket(10, 1), OggTestData.CreatePacket(140_000, 2), OggTestData.CreatePacket(10, 3)];
        List<byte[]> pages = OggTestData.SplitPages(WriteStream(packets, new OggOpusWriterOptions { MaxPacketsPerPage = 1 }));
        // Pages: head, tags, [p0], [p1 start], [p1 middle], [p1 end], [p2]. Lose the middle.
        pages.RemoveAt(4);

        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream(Concat(pages)));
        Assert.True(reader.TryReadPacket(out ReadOnlyMemory<byte> first, out _));
        Assert.Equal(packets[0], first.ToArray());
        Assert.True(reader.TryReadPacket(out ReadOnlyMemory<byte> last, out long granule));
        Assert.Equal(packets[2], last.ToArray());
        Assert.Equal(2880L, granule);
        Assert.False(reader.TryReadPacket(out _, out _));
        Assert.Equal(1, reader.SequenceGapCount);
        Assert.Equal(1, reader.DroppedPacketCount);
    }

    [Fact]
    public void GarbageBetweenPagesIsSkipped()
    {
        List<byte[]> packets = CreatePackets(40, seed: 9);
        List<byte[]> pages = OggTestData.SplitPages(WriteStream(packets, new OggOpusWriterOptions { MaxPacketsPerPage = 10 }));
        pages.Insert(4, "garbage OggS and more garbage"u8.ToArray());

        using OggOpusReader reader = OggOpusReader.Open(new MemoryStream(Concat(pages)));
        AssertReadsExactly(reader, packets);
        Assert.Equal(1, reader.CorruptPageCount);
        Assert.Equal(0, reader.SequenceGapCount);
    }

    [Fact]
    public void RandomMutationsOfAFileNeverThrowAnythingButInvalidData()
    {
        byte[] original = WriteStream(CreatePackets(60, seed: 10, maxLength: 900), new OggOpusWriterOptions { MaxPacketsPerPage = 6 });
        var random = new Random(777);
        for (int iteration = 0; iteration < 300; iteration++)
        {
            byte[] data = (byte[])original.Clone();
            int flips = random.Next(1, 20);
            for (int flip = 0; flip < flips; flip++)
            {
                data[random.Next(data.Length)] = (byte)random.Next(256);
            }

            int length = random.Next(2) == 0 ? data.Length : random.Next(data.Length);
            OggOpusReader reader;
            try
            {
                reader = OggOpusReader.Open(new MemoryStream(data, 0, length));
            }
            catch (InvalidDataException)
            {
                continue;
            }

            using (reader)
            {
                int count = 0;
                while (reader.TryReadPacket(out ReadOnlyMemory<byte> packet, out _))
                {
                    count++;
                    Assert.InRange(packet.Length, 1, 899);
                    Assert.True(count <= 60, "more packets than were written");
                }
            }
        }
    }

    private static byte[] SinglePacketStream(byte[] headPacket)
    {
        var page = new byte[OggPage.FixedHeaderLength + 1 + headPacket.Length];
        OggPage.Write(page, OggPageFlags.BeginningOfStream, 0, 1, 0, [(byte)headPacket.Length], headPacket);
        return page;
    }

    private static byte[] Renumber(List<byte[]> pages)
    {
        var renumbered = new List<byte[]>();
        for (int index = 0; index < pages.Count; index++)
        {
            OggPage.Read(pages[index], out OggPage page, out _);
            var copy = new byte[pages[index].Length];
            OggPage.Write(copy, page.Header.Flags, page.Header.GranulePosition, page.Header.SerialNumber, (uint)index, page.SegmentTable, page.Body);
            renumbered.Add(copy);
        }

        return Concat(renumbered);
    }
}
