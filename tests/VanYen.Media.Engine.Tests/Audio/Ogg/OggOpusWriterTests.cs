using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Audio.Ogg;

public partial class OggOpusWriterTests
{
    [Fact]
    public void HeadersComeFirstEachOnItsOwnPageAtGranuleZero()
    {
        var options = new OggOpusWriterOptions { SerialNumber = 0x1234, ChannelCount = 2, PreSkip = 300, InputSampleRate = 16000, OutputGain = -256 };
        options.Comments.Add(new KeyValuePair<string, string>("TITLE", "Bản tin sáng"));
        byte[] data = Write(options, packetCount: 3);
        List<byte[]> pages = OggTestData.SplitPages(data);

        OggPage.Read(pages[0], out OggPage headPage, out _);
        Assert.Equal(OggPageFlags.BeginningOfStream, headPage.Header.Flags);
        Assert.Equal(0L, headPage.Header.GranulePosition);
        Assert.Equal(0u, headPage.Header.SequenceNumber);
        Assert.Equal(new byte[] { 19 }, headPage.SegmentTable.ToArray());
        OpusHead head = OpusHead.Parse(headPage.Body);
        Assert.Equal(1, head.Version);
        Assert.Equal(2, head.ChannelCount);
        Assert.Equal(300, head.PreSkip);
        Assert.Equal(16000u, head.InputSampleRate);
        Assert.Equal(-256, head.OutputGain);
        Assert.Equal(0, head.ChannelMappingFamily);

        OggPage.Read(pages[1], out OggPage tagsPage, out _);
        Assert.Equal(OggPageFlags.None, tagsPage.Header.Flags);
        Assert.Equal(0L, tagsPage.Header.GranulePosition);
        OpusTags tags = OpusTags.Parse(tagsPage.Body);
        Assert.Equal("VanYen.Media", tags.Vendor);
        Assert.Equal("Bản tin sáng", tags.GetComment("title"));

        for (int index = 0; index < pages.Count; index++)
        {
            OggPage.Read(pages[index], out OggPage page, out _);
            Assert.Equal(0x1234u, page.Header.SerialNumber);
            Assert.Equal((uint)index, page.Header.SequenceNumber);
            Assert.Equal(index == pages.Count - 1, page.Header.IsEndOfStream);
        }
    }

    [Fact]
    public void PagesCloseAfterMaxPacketsWithTheGranuleOfTheirLastPacket()
    {
        byte[] data = Write(new OggOpusWriterOptions { SerialNumber = 1 }, packetCount: 45);
        List<byte[]> pages = OggTestData.SplitPages(data);

        Assert.Equal(5, pages.Count);
        Assert.Equal([960L * 20, 960L * 40, 960L * 45], AudioPageGranules(pages));
        Assert.Equal([20, 20, 5], AudioPagePacketCounts(pages));
    }

    [Fact]
    public void PagesCloseAfterAboutOneSecondOfAudio()
    {
        using var output = new MemoryStream();
        using (var writer = new OggOpusWriter(output, new OggOpusWriterOptions { MaxPacketsPerPage = 100 }, leaveOpen: true))
        {
            // Configuration 3: SILK 60 ms frames.
            byte[] packet = [3 << 3, 1, 2, 3];
            for (int index = 0; index < 20; index++)
            {
                writer.WritePacket(packet);
            }

            writer.Complete();
        }

        List<byte[]> pages = OggTestData.SplitPages(output.ToArray());
        Assert.Equal([17, 3], AudioPagePacketCounts(pages));
        Assert.Equal([2880L * 17, 2880L * 20], AudioPageGranules(pages));
    }

    [Fact]
    public void APacketOf255BytesEndsWithAZeroLacingValue()
    {
        using var output = new MemoryStream();
        using (var writer = new OggOpusWriter(output, leaveOpen: true))
        {
            writer.WritePacket(OggTestData.CreatePacket(255, 1));
            writer.Complete();
        }

        List<byte[]> pages = OggTestData.SplitPages(output.ToArray());
        OggPage.Read(pages[2], out OggPage page, out _);
        Assert.Equal(new byte[] { 255, 0 }, page.SegmentTable.ToArray());
    }

    [Fact]
    public void APacketLargerThanAPageIsContinuedOnTheNextPage()
    {
        using var output = new MemoryStream();
        using (var writer = new OggOpusWriter(output, leaveOpen: true))
        {
            writer.WritePacket(OggTestData.CreatePacket(100, 1));
            writer.WritePacket(OggTestData.CreatePacket(70_000, 2));
            writer.Complete();
        }

        List<byte[]> pages = OggTestData.SplitPages(output.ToArray());
        Assert.Equal(4, pages.Count);
        OggPage.Read(pages[2], out OggPage first, out _);
        OggPage.Read(pages[3], out OggPage second, out _);
        Assert.Equal(255, first.Header.SegmentCount);
        Assert.False(first.Header.IsContinued);
        // Only the 100-byte packet completes on the first audio page.
        Assert.Equal(960L, first.Header.GranulePosition);
        Assert.True(second.Header.IsContinued);
        Assert.True(second.Header.IsEndOfStream);
        Assert.Equal(1920L, second.Header.GranulePosition);
        Assert.Equal(100 + 70_000, first.Header.BodyLength + second.Header.BodyLength);
    }

    [Fact]
    public void APageWhereNoPacketCompletesHasGranuleMinusOne()
    {
        using var output = new MemoryStream();
        using (var writer = new OggOpusWriter(output, leaveOpen: true))
        {
            writer.WritePacket(OggTestData.CreatePacket(140_000, 2));
            writer.Complete();
        }

        List<byte[]> pages = OggTestData.SplitPages(output.ToArray());
        Assert.Equal(5, pages.Count);
        OggPage.Read(pages[2], out OggPage first, out _);
        OggPage.Read(pages[3], out OggPage middle, out _);
        OggPage.Read(pages[4], out OggPage last, out _);
        Assert.Equal(-1L, first.Header.GranulePosition);
        Assert.Equal(-1L, middle.Header.GranulePosition);
        Assert.True(middle.Header.IsContinued);
        Assert.Equal(960L, last.Header.GranulePosition);
    }

    [Fact]
    public void APacketThatFitsOnAFreshPageIsNotSplit()
    {
        using var output = new MemoryStream();
        using (var writer = new OggOpusWriter(output, leaveOpen: true))
        {
            // 200 lacing values, then 100 more would overflow the 255 of the first page.
            writer.WritePacket(OggTestData.CreatePacket(199 * 255 + 10, 1));
            writer.WritePacket(OggTestData.CreatePacket(99 * 255 + 10, 2));
            writer.Complete();
        }

        List<byte[]> pages = OggTestData.SplitPages(output.ToArray());
        Assert.Equal(4, pages.Count);
        OggPage.Read(pages[3], out OggPage second, out _);
        Assert.False(second.Header.IsContinued);
        Assert.Equal(100, second.Header.SegmentCount);
    }

    [Fact]
    public void SerialNumberIsRandomUnlessSet()
    {
        using var first = new OggOpusWriter(Stream.Null);
        using var second = new OggOpusWriter(Stream.Null);
        using var fixedSerial = new OggOpusWriter(Stream.Null, new OggOpusWriterOptions { SerialNumber = 77 });
        Assert.NotEqual(first.SerialNumber, second.SerialNumber);
        Assert.Equal(77u, fixedSerial.SerialNumber);
    }

    [Fact]
    public void FlushWritesThePartialPageAndFlushesTheStream()
    {
        using var output = new CountingStream();
        using var writer = new OggOpusWriter(output, leaveOpen: true);
        writer.WritePacket(OggTestData.CreatePacket(50, 1));
        writer.WritePacket(OggTestData.CreatePacket(50, 2));
        Assert.Equal(2, OggTestData.SplitPages(output.ToArray()).Count);

        writer.Flush();

        List<byte[]> pages = OggTestData.SplitPages(output.ToArray());
        Assert.Equal(3, pages.Count);
        Assert.Equal([1920L], AudioPageGranules(pages));
        Assert.Equal(1, output.FlushCount);
    }

    [Fact]
    public void LiveStreamingFlushesAfterEveryPage()
    {
        using var output = new CountingStream();
        using (var writer = new OggOpusWriter(output, new OggOpusWriterOptions { MaxPacketsPerPage = 1, FlushStreamAfterEachPage = true }, leaveOpen: true))
        {
            for (int index = 0; index < 5; index++)
            {
                writer.WritePacket(OggTestData.CreatePacket(30, index));
                Assert.Equal(index + 1, output.FlushCount);
                Assert.Equal(3 + index, OggTestData.SplitPages(output.ToArray()).Count);
            }
        }
    }

    [Fact]
    public void CompleteAfterFlushWritesAnEmptyEndOfStreamPageWithTheFinalGranule()
    {
        using var output = new MemoryStream();
        using (var writer = new OggOpusWriter(output, leaveOpen: true))
        {
            writer.WritePacket(OggTestData.CreatePacket(40, 1));
            writer.Flush();
            writer.Complete();
        }

        List<byte[]> pages = OggTestData.SplitPages(output.ToArray());
        OggPage.Read(pages[^1], out OggPage last, out _);
        Assert.Equal(4, pages.Count);
        Assert.Equal(0, last.Header.SegmentCount);
        Assert.True(last.Header.IsEndOfStream);
        Assert.Equal(960L, last.Header.GranulePosition);
    }

    [Fact]
    public void CompletingAnEmptyStreamStillWritesValidHeaders()
    {
        using var output = new MemoryStream();
        using (var writer = new OggOpusWriter(output, leaveOpen: true))
        {
            writer.Complete();
        }

        List<byte[]> pages = OggTestData.SplitPages(output.ToArray());
        Assert.Equal(3, pages.Count);
    }

    [Fact]
    public void WritingAfterCompleteOrAMalformedPacketThrows()
    {
        using var writer = new OggOpusWriter(Stream.Null);
        Assert.Throws<ArgumentException>(() => writer.WritePacket([]));
        Assert.Throws<ArgumentException>(() => writer.WritePacket([0x03]));
        writer.Complete();
        Assert.Throws<InvalidOperationException>(() => writer.WritePacket(OggTestData.CreatePacket(10, 1)));
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OggOpusWriter(Stream.Null, new OggOpusWriterOptions { ChannelCount = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OggOpusWriter(Stream.Null, new OggOpusWriterOptions { MaxPacketsPerPage = 0 }));
        var badComment = new OggOpusWriterOptions();
        badComment.Comments.Add(new KeyValuePair<string, string>("A=B", "x"));
        Assert.Throws<ArgumentException>(() => new OggOpusWriter(Stream.Null, badComment));
    }

    [Fact]
    public async Task AsyncMethodsWriteTheSameBytesAsSyncOnes()
    {
        var options = new OggOpusWriterOptions { SerialNumber = 9 };
        byte[] expected = Write(options, packetCount: 30, flushAt: 7);

        using var output = new MemoryStream();
        await using (var writer = new OggOpusWriter(output, options, leaveOpen: true))
        {
            for (int index = 0; index < 30; index++)
            {
                await writer.WritePacketAsync(OggTestData.CreatePacket(20 + index, index));
                if (index == 7)
                {
                    await writer.FlushAsync();
                }
            }

            await writer.CompleteAsync();
        }

        Assert.Equal(expected, output.ToArray());
    }

    [Fact]
    public void WritePacketAllocatesNothing()
    {
        using var writer = new OggOpusWriter(Stream.Null);
        byte[] packet = OggTestData.CreatePacket(120, 5);
        AllocationBudget.AssertZero(() => writer.WritePacket(packet));
    }

    internal static List<long> AudioPageGranules(List<byte[]> pages)
    {
        var granules = new List<long>();
        for (int index = 2; index < pages.Count; index++)
        {
            OggPage.Read(pages[index], out OggPage page, out _);
            granules.Add(page.Header.GranulePosition);
        }

        return granules;
    }

    private static List<int> AudioPagePacketCounts(List<byte[]> pages)
    {
        var counts = new List<int>();
        for (int index = 2; index < pages.Count; index++)
        {
            OggPage.Read(pages[index], out OggPage page, out _);
            int count = 0;
            foreach (byte lacing in page.SegmentTable)
            {
                count += lacing < 255 ? 1 : 0;
            }

            counts.Add(count);
        }

        return counts;
    }

    private static byte[] Write(OggOpusWriterOptions options, int packetCount, int flushAt = -1)
    {
        using var output = new MemoryStream();
        using (var writer = new OggOpusWriter(output, options, leaveOpen: true))
        {
            for (int index = 0; index < packetCount; index++)
            {
                writer.WritePacket(OggTestData.CreatePacket(20 + index, index));
                if (index == flushAt)
                {
                    writer.Flush();
                }
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    private sealed class CountingStream : MemoryStream
    {
        public int FlushCount { get; private set; }

        public override void Flush()
        {
            FlushCount++;
            base.Flush();
        }
    }
}
