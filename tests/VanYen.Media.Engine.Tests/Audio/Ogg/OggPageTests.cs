using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Audio.Ogg;

public class OggPageTests
{
    [Fact]
    public void TryParseReadsTheFieldsOfAnFfmpegPage()
    {
        Assert.True(OggPage.TryParse(OggTestData.FfmpegOpusHeadPage, out OggPageHeader header, out int pageLength));
        Assert.Equal(47, pageLength);
        Assert.Equal(OggPageFlags.BeginningOfStream, header.Flags);
        Assert.True(header.IsBeginningOfStream);
        Assert.False(header.IsContinued);
        Assert.False(header.IsEndOfStream);
        Assert.Equal(0L, header.GranulePosition);
        Assert.Equal(0x717892D5u, header.SerialNumber);
        Assert.Equal(0u, header.SequenceNumber);
        Assert.Equal(0xAFA887FCu, header.Checksum);
        Assert.Equal(1, header.SegmentCount);
        Assert.Equal(19, header.BodyLength);
        Assert.Equal(28, header.HeaderLength);
    }

    [Fact]
    public void ReadExposesSegmentTableAndBody()
    {
        Assert.Equal(OggPageStatus.Valid, OggPage.Read(OggTestData.FfmpegOpusHeadPage, out OggPage page, out _));
        Assert.Equal(new byte[] { 19 }, page.SegmentTable.ToArray());
        Assert.True(page.Body.StartsWith("OpusHead"u8));
    }

    [Fact]
    public void EveryPageOfAnFfmpegFileVerifies()
    {
        using var directory = new TemporaryDirectory();
        byte[] file = File.ReadAllBytes(ExternalTool.CreateSineOpusFile(directory));
        int offset = 0;
        int pages = 0;
        while (offset < file.Length)
        {
            Assert.Equal(OggPageStatus.Valid, OggPage.Read(file.AsSpan(offset), out OggPage page, out int length));
            Assert.Equal(page.Header.PageLength, length);
            offset += length;
            pages++;
        }

        Assert.Equal(file.Length, offset);
        Assert.True(pages >= 3, $"only {pages} pages");
    }

    [Fact]
    public void ReadAsksForMoreDataForEveryProperPrefix()
    {
        ReadOnlySpan<byte> page = OggTestData.FfmpegOpusHeadPage;
        for (int length = 0; length < page.Length; length++)
        {
            Assert.Equal(OggPageStatus.NeedMoreData, OggPage.Read(page[..length], out _, out _));
            Assert.False(OggPage.TryParse(page[..length], out _, out _));
        }
    }

    [Fact]
    public void ReadReportsAWrongCapturePattern()
    {
        byte[] page = OggTestData.FfmpegOpusHeadPage.ToArray();
        page[3] = (byte)'s';
        Assert.Equal(OggPageStatus.BadCapturePattern, OggPage.Read(page, out _, out _));
        Assert.Equal(OggPageStatus.BadCapturePattern, OggPage.Read(page.AsSpan(0, 4), out _, out _));
    }

    [Fact]
    public void ReadReportsAnUnsupportedVersion()
    {
        byte[] page = OggTestData.FfmpegOpusHeadPage.ToArray();
        page[4] = 1;
        Assert.Equal(OggPageStatus.UnsupportedVersion, OggPage.Read(page, out _, out _));
    }

    [Fact]
    public void ReadReportsAChecksumMismatchForAFlippedBodyBit()
    {
        byte[] page = OggTestData.FfmpegOpusHeadPage.ToArray();
        page[40] ^= 0x10;
        Assert.Equal(OggPageStatus.ChecksumMismatch, OggPage.Read(page, out _, out int length));
        Assert.Equal(47, length);
    }

    [Fact]
    public void NoSingleByteCorruptionPassesAsValid()
    {
        byte[] original = OggTestData.FfmpegOpusHeadPage.ToArray();
        for (int index = 0; index < original.Length; index++)
        {
            foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                byte[] page = (byte[])original.Clone();
                page[index] ^= mask;
                Assert.NotEqual(OggPageStatus.Valid, OggPage.Read(page, out _, out _));
            }
        }
    }

    [Fact]
    public void WriteThenReadGivesBackTheFields()
    {
        byte[] body = new byte[300];
        new Random(3).NextBytes(body);
        byte[] table = [255, 45];
        var destination = new byte[OggPage.MaxPageLength];
        int length = OggPage.Write(destination, OggPageFlags.Continued | OggPageFlags.EndOfStream, 123456789012, 0xDEADBEEF, 42, table, body);

        Assert.Equal(27 + 2 + 300, length);
        Assert.Equal(OggPageStatus.Valid, OggPage.Read(destination.AsSpan(0, length), out OggPage page, out int pageLength));
        Assert.Equal(length, pageLength);
        Assert.Equal(OggPageFlags.Continued | OggPageFlags.EndOfStream, page.Header.Flags);
        Assert.Equal(123456789012, page.Header.GranulePosition);
        Assert.Equal(0xDEADBEEFu, page.Header.SerialNumber);
        Assert.Equal(42u, page.Header.SequenceNumber);
        Assert.Equal(table, page.SegmentTable.ToArray());
        Assert.Equal(body, page.Body.ToArray());
    }

    [Fact]
    public void WriteReproducesTheFfmpegPageBitForBit()
    {
        ReadOnlySpan<byte> expected = OggTestData.FfmpegOpusHeadPage;
        var destination = new byte[64];
        int length = OggPage.Write(destination, OggPageFlags.BeginningOfStream, 0, 0x717892D5, 0, expected.Slice(27, 1), expected[28..]);
        Assert.Equal(expected.ToArray(), destination.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void AnEmptyPageIsValid()
    {
        var destination = new byte[27];
        int length = OggPage.Write(destination, OggPageFlags.EndOfStream, 960, 1, 5, [], []);
        Assert.Equal(27, length);
        Assert.True(OggPage.TryParse(destination, out OggPageHeader header, out _));
        Assert.Equal(0, header.SegmentCount);
        Assert.Equal(0, header.BodyLength);
    }

    [Fact]
    public void WriteRejectsASegmentTableThatDoesNotMatchTheBody()
    {
        var destination = new byte[100];
        Assert.Throws<ArgumentException>(() => OggPage.Write(destination, OggPageFlags.None, 0, 1, 0, [10], new byte[9]));
        Assert.Throws<ArgumentException>(() => OggPage.Write(destination, OggPageFlags.None, 0, 1, 0, new byte[256], []));
        Assert.Throws<ArgumentException>(() => OggPage.Write(new byte[30], OggPageFlags.None, 0, 1, 0, [10], new byte[10]));
    }

    [Fact]
    public void FindCapturePatternLocatesTheNextPage()
    {
        byte[] data = [1, 2, (byte)'O', (byte)'g', .. OggTestData.FfmpegOpusHeadPage];
        Assert.Equal(4, OggPage.FindCapturePattern(data));
        Assert.Equal(-1, OggPage.FindCapturePattern(data.AsSpan(5)));
    }

    [Fact]
    public void RandomAndMutatedBytesNeverThrowAndValidPagesAreConsistent()
    {
        var random = new Random(20240611);
        byte[] seedPage = BuildPage(random, segmentCount: 20);
        for (int iteration = 0; iteration < 20_000; iteration++)
        {
            byte[] data = (iteration % 4) switch
            {
                0 => RandomBytes(random),
                1 => Mutate(random, seedPage),
                2 => Truncate(random, seedPage),
                _ => Extend(random, seedPage),
            };

            OggPageStatus status = OggPage.Read(data, out OggPage page, out int length);
            if (status == OggPageStatus.Valid)
            {
                Assert.InRange(length, OggPage.FixedHeaderLength, data.Length);
                Assert.Equal(page.Header.PageLength, length);
                Assert.Equal(page.Header.SegmentCount, page.SegmentTable.Length);
                Assert.Equal(page.Header.BodyLength, page.Body.Length);
            }
            else
            {
                Assert.False(OggPage.TryParse(data, out _, out _));
            }
        }
    }

    [Fact]
    public void ExtendedDataStillParsesThePageAtTheStart()
    {
        byte[] data = [.. OggTestData.FfmpegOpusHeadPage, .. OggTestData.FfmpegOpusHeadPage];
        Assert.True(OggPage.TryParse(data, out _, out int length));
        Assert.Equal(47, length);
    }

    [Fact]
    public void ReadAllocatesNothing()
    {
        byte[] data = OggTestData.FfmpegOpusHeadPage.ToArray();
        AllocationBudget.AssertZero(() => OggPage.Read(data, out _, out _));
    }

    private static byte[] BuildPage(Random random, int segmentCount)
    {
        var table = new byte[segmentCount];
        random.NextBytes(table);
        int bodyLength = 0;
        foreach (byte lacing in table)
        {
            bodyLength += lacing;
        }

        var body = new byte[bodyLength];
        random.NextBytes(body);
        var page = new byte[OggPage.FixedHeaderLength + segmentCount + bodyLength];
        OggPage.Write(page, OggPageFlags.None, random.NextInt64(), (uint)random.Next(), (uint)random.Next(), table, body);
        return page;
    }

    private static byte[] RandomBytes(Random random)
    {
        var data = new byte[random.Next(0, 400)];
        random.NextBytes(data);
        if (data.Length >= 5 && random.Next(2) == 0)
        {
            // Half the time, start like a page so the parser gets past the capture pattern and version.
            "OggS"u8.CopyTo(data);
            data[4] = 0;
        }

        return data;
    }

    private static byte[] Mutate(Random random, byte[] page)
    {
        byte[] data = (byte[])page.Clone();
        int flips = random.Next(1, 4);
        for (int flip = 0; flip < flips; flip++)
        {
            data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
        }

        return data;
    }

    private static byte[] Truncate(Random random, byte[] page) => page.AsSpan(0, random.Next(page.Length)).ToArray();

    private static byte[] Extend(Random random, byte[] page)
    {
        var tail = new byte[random.Next(1, 100)];
        random.NextBytes(tail);
        return [.. page, .. tail];
    }
}
