using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Rtp;

public class RtpHeaderRewriterTests
{
    [Fact]
    public void RewriteChangesSsrcSequenceAndTimestampAndNothingElse()
    {
        byte[] original = RtpTestPackets.ChromeAudio();
        byte[] bytes = (byte[])original.Clone();

        RtpHeaderRewriter.Rewrite(bytes, 0xA1B2C3D4, 7, 0x01020304);

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.Equal(0xA1B2C3D4u, packet.Ssrc);
        Assert.Equal(7, packet.SequenceNumber);
        Assert.Equal(0x01020304u, packet.Timestamp);
        Assert.Equal(111, packet.PayloadType);
        Assert.Equal(original.AsSpan(12).ToArray(), bytes.AsSpan(12).ToArray());
        Assert.Equal(original.AsSpan(0, 2).ToArray(), bytes.AsSpan(0, 2).ToArray());
    }

    [Fact]
    public void RewriteCanAlsoSetPayloadTypeAndMarker()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();
        RtpHeaderRewriter.Rewrite(bytes, 1, 2, 3, 109, marker: true);

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.Equal(109, packet.PayloadType);
        Assert.True(packet.Marker);
        Assert.Equal(1u, packet.Ssrc);
    }

    [Fact]
    public void PayloadTypeAndMarkerSettersKeepEachOther()
    {
        byte[] bytes = RtpTestPackets.TwoByteWithCsrcsAndPadding();
        RtpHeaderRewriter.SetPayloadType(bytes, 100);
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket first));
        Assert.True(first.Marker);
        Assert.Equal(100, first.PayloadType);

        RtpHeaderRewriter.SetMarker(bytes, false);
        RtpHeaderRewriter.SetSsrc(bytes, 5);
        RtpHeaderRewriter.SetSequenceNumber(bytes, 6);
        RtpHeaderRewriter.SetTimestamp(bytes, 7);
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket second));
        Assert.False(second.Marker);
        Assert.Equal(100, second.PayloadType);
        Assert.Equal(5u, second.Ssrc);
        Assert.Equal(6, second.SequenceNumber);
        Assert.Equal(7u, second.Timestamp);
        Assert.Equal(2, second.CsrcCount);
    }

    [Fact]
    public void RewriteOfATooShortBufferThrows()
    {
        Assert.Throws<ArgumentException>(() => RtpHeaderRewriter.Rewrite(new byte[11], 1, 2, 3));
    }

    [Fact]
    public void TryGetExtensionGivesWritableDataInPlace()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();
        Assert.True(RtpHeaderRewriter.TryGetExtension(bytes, 3, out Span<byte> transportSequence));
        transportSequence[0] = 0xAB;
        transportSequence[1] = 0xCD;

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.True(packet.TryGetExtension(3, out ReadOnlySpan<byte> data));
        Assert.Equal(new byte[] { 0xAB, 0xCD }, data.ToArray());
        Assert.False(RtpHeaderRewriter.TryGetExtension(bytes, 9, out _));
    }

    [Fact]
    public void TrySetExtensionIdRenamesOneElement()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();
        Assert.True(RtpHeaderRewriter.TrySetExtensionId(bytes, 3, 5));

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.False(packet.TryGetExtension(3, out _));
        Assert.True(packet.TryGetExtension(5, out ReadOnlySpan<byte> data));
        Assert.Equal(new byte[] { 0x01, 0x02 }, data.ToArray());
    }

    [Fact]
    public void TrySetExtensionIdRefusesAnIdTheFormCannotCarry()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();
        Assert.False(RtpHeaderRewriter.TrySetExtensionId(bytes, 3, 15));
        Assert.False(RtpHeaderRewriter.TrySetExtensionId(bytes, 9, 5));
        Assert.Equal(RtpTestPackets.ChromeAudio(), bytes);
    }

    [Fact]
    public void TryRemapExtensionIdsSwapsIdsAndErasesUnmappedElementsIntoPadding()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();

        // Subscriber's extmap: audio level 1 -> 2, abs-send-time 2 -> 1, transport-cc 3 erased, mid 4 -> 4.
        Assert.True(RtpHeaderRewriter.TryRemapExtensionIds(bytes, [0, 2, 1, 0, 4]));

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.True(packet.TryGetExtension(2, out ReadOnlySpan<byte> level));
        Assert.Equal(new byte[] { 0x8A }, level.ToArray());
        Assert.True(packet.TryGetExtension(1, out ReadOnlySpan<byte> absSendTime));
        Assert.Equal(new byte[] { 0x12, 0x34, 0x56 }, absSendTime.ToArray());
        Assert.False(packet.TryGetExtension(3, out _));
        Assert.True(packet.TryGetExtension(4, out _));
        Assert.Equal(new byte[] { 0x78, 0x01, 0x02, 0x03 }, packet.Payload.ToArray());
    }

    [Fact]
    public void TryRemapExtensionIdsOnTwoByteFormUsesTheWholeByteRange()
    {
        byte[] bytes = RtpTestPackets.TwoByteWithCsrcsAndPadding();
        byte[] map = new byte[256];
        map[200] = 250;
        map[7] = 17;

        Assert.True(RtpHeaderRewriter.TryRemapExtensionIds(bytes, map));

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.True(packet.TryGetExtension(250, out _));
        Assert.True(packet.TryGetExtension(17, out ReadOnlySpan<byte> data));
        Assert.Equal(new byte[] { 0x0A, 0x0B, 0x0C }, data.ToArray());
    }

    [Fact]
    public void TryRemapExtensionIdsChangesNothingWhenANewIdDoesNotFitTheForm()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();
        Assert.False(RtpHeaderRewriter.TryRemapExtensionIds(bytes, [0, 1, 2, 20, 4]));
        Assert.Equal(RtpTestPackets.ChromeAudio(), bytes);
    }

    [Fact]
    public void ExtensionRewritesRefuseAMalformedPacket()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio().AsSpan(0, 20).ToArray();
        Assert.False(RtpHeaderRewriter.TryRemapExtensionIds(bytes, [0, 1]));
        Assert.False(RtpHeaderRewriter.TrySetExtensionId(bytes, 1, 2));
        Assert.False(RtpHeaderRewriter.TryGetExtension(bytes, 1, out _));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void ExtensionRewritesOfMutatedPacketsNeverThrowAndLeaveParsablePacketsParsable(int seed)
    {
        byte[] map = [0, 2, 1, 0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
        foreach (byte[] valid in new[] { RtpTestPackets.ChromeAudio(), RtpTestPackets.TwoByteWithCsrcsAndPadding() })
        {
            foreach (byte[] bytes in ByteMutations.Of(valid, seed, 1000))
            {
                bool parsable = RtpPacket.TryParse(bytes, out _);
                RtpHeaderRewriter.TryGetExtension(bytes, 3, out _);
                RtpHeaderRewriter.TrySetExtensionId(bytes, 1, 6);
                RtpHeaderRewriter.TryRemapExtensionIds(bytes, map);
                Assert.Equal(parsable, RtpPacket.TryParse(bytes, out _));
            }
        }
    }

    [Fact]
    public void ParseAndRewriteForForwardingAllocatesNothing()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();
        ushort sequence = 0;
        AllocationBudget.AssertZero(() =>
        {
            if (RtpPacket.TryParse(bytes, out RtpPacket packet))
            {
                RtpHeaderRewriter.Rewrite(bytes, 0xABCDEF01, sequence++, packet.Timestamp + 960);
            }
        });
    }

    [Fact]
    public void ExtensionIdRemapAllocatesNothing()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();
        byte[] identity = [0, 1, 2, 3, 4];
        AllocationBudget.AssertZero(() => RtpHeaderRewriter.TryRemapExtensionIds(bytes, identity));
    }
}
