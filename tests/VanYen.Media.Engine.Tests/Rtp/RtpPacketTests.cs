using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Rtp;

public class RtpPacketTests
{
    [Fact]
    public void TryParseReadsEveryFieldOfAChromeAudioPacket()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.Equal(2, packet.Version);
        Assert.False(packet.HasPadding);
        Assert.True(packet.HasExtension);
        Assert.False(packet.Marker);
        Assert.Equal(111, packet.PayloadType);
        Assert.Equal(1234, packet.SequenceNumber);
        Assert.Equal(123456u, packet.Timestamp);
        Assert.Equal(0x11223344u, packet.Ssrc);
        Assert.Equal(0, packet.CsrcCount);
        Assert.Equal(28, packet.HeaderLength);
        Assert.Equal(0, packet.PaddingLength);
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal(RtpHeaderExtensionForm.OneByte, packet.ExtensionForm);
        Assert.Equal(16, packet.ExtensionDataOffset);
        Assert.Equal(12, packet.ExtensionData.Length);
        Assert.Equal(new byte[] { 0x78, 0x01, 0x02, 0x03 }, packet.Payload.ToArray());
    }

    [Fact]
    public void ExtensionsOfAChromeAudioPacketAreEnumeratedInOrderSkippingPadding()
    {
        Assert.True(RtpPacket.TryParse(RtpTestPackets.ChromeAudio(), out RtpPacket packet));
        var ids = new List<int>();
        var data = new List<byte[]>();
        RtpHeaderExtensionEnumerator enumerator = packet.Extensions;
        while (enumerator.MoveNext())
        {
            ids.Add(enumerator.Current.Id);
            data.Add(enumerator.Current.Data.ToArray());
        }

        Assert.False(enumerator.IsMalformed);
        Assert.Equal([1, 2, 3, 4], ids);
        Assert.Equal(new byte[] { 0x8A }, data[0]);
        Assert.Equal(new byte[] { 0x12, 0x34, 0x56 }, data[1]);
        Assert.Equal(new byte[] { 0x01, 0x02 }, data[2]);
        Assert.Equal("0"u8.ToArray(), data[3]);
    }

    [Fact]
    public void TryGetExtensionFindsAudioLevelAbsSendTimeAndTransportSequence()
    {
        Assert.True(RtpPacket.TryParse(RtpTestPackets.ChromeAudio(), out RtpPacket packet));

        Assert.True(packet.TryGetExtension(1, out ReadOnlySpan<byte> level));
        Assert.True((level[0] & 0x80) != 0, "voice activity flag");
        Assert.Equal(10, level[0] & 0x7F);
        Assert.True(packet.TryGetExtension(2, out ReadOnlySpan<byte> absSendTime));
        Assert.Equal(0x123456, (absSendTime[0] << 16) | (absSendTime[1] << 8) | absSendTime[2]);
        Assert.True(packet.TryGetExtension(3, out ReadOnlySpan<byte> transportSequence));
        Assert.Equal(0x0102, (transportSequence[0] << 8) | transportSequence[1]);
        Assert.False(packet.TryGetExtension(5, out _));
    }

    [Fact]
    public void TryParseReadsCsrcsTwoByteExtensionsAndPadding()
    {
        byte[] bytes = RtpTestPackets.TwoByteWithCsrcsAndPadding();

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.True(packet.Marker);
        Assert.True(packet.HasPadding);
        Assert.Equal(96, packet.PayloadType);
        Assert.Equal(65535, packet.SequenceNumber);
        Assert.Equal(uint.MaxValue, packet.Timestamp);
        Assert.Equal(0xCAFEBABEu, packet.Ssrc);
        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal(1u, packet.GetCsrc(0));
        Assert.Equal(2u, packet.GetCsrc(1));
        Assert.Equal(RtpHeaderExtensionForm.TwoByte, packet.ExtensionForm);
        Assert.Equal(32, packet.HeaderLength);
        Assert.Equal(3, packet.PaddingLength);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, packet.Payload.ToArray());
        Assert.True(packet.TryGetExtension(200, out ReadOnlySpan<byte> empty));
        Assert.Equal(0, empty.Length);
        Assert.True(packet.TryGetExtension(7, out ReadOnlySpan<byte> seven));
        Assert.Equal(new byte[] { 0x0A, 0x0B, 0x0C }, seven.ToArray());
    }

    [Fact]
    public void GetCsrcRejectsAnIndexBeyondTheCount()
    {
        byte[] bytes = RtpTestPackets.TwoByteWithCsrcsAndPadding();
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            RtpPacket.TryParse(bytes, out RtpPacket packet);
            return packet.GetCsrc(2);
        });
    }

    [Fact]
    public void APacketWithoutExtensionHasAnEmptyExtensionBlock()
    {
        byte[] bytes = [0x80, 0x00, 0x00, 0x01, 0, 0, 0, 2, 0, 0, 0, 3, 0xEE];
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.Equal(RtpHeaderExtensionForm.None, packet.ExtensionForm);
        Assert.Equal(0, packet.ExtensionProfile);
        Assert.True(packet.ExtensionData.IsEmpty);
        Assert.False(packet.TryGetExtension(1, out _));
        Assert.Equal(new byte[] { 0xEE }, packet.Payload.ToArray());
    }

    [Fact]
    public void OneByteIdFifteenEndsExtensionProcessing()
    {
        byte[] bytes =
        [
            0x90, 0x6F, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1,
            0xBE, 0xDE, 0x00, 0x02,
            0x10, 0x7F, // id 1
            0xF3,       // id 15: stop, its length ignored
            0x20, 0x01, 0x02, 0x03, 0x04, // would be id 2 if processing went on
        ];

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.True(packet.TryGetExtension(1, out _));
        Assert.False(packet.TryGetExtension(2, out _));
    }

    [Fact]
    public void OtherExtensionProfilesAreKeptButNotInterpreted()
    {
        byte[] bytes = [0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0xAB, 0xCD, 0x00, 0x01, 0x10, 0x11, 0x12, 0x13];
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.Equal(RtpHeaderExtensionForm.Other, packet.ExtensionForm);
        Assert.Equal(0xABCD, packet.ExtensionProfile);
        Assert.Equal(4, packet.ExtensionData.Length);
        Assert.False(packet.TryGetExtension(1, out _));
        Assert.True(packet.Payload.IsEmpty);
    }

    public static TheoryData<string, byte[]> MalformedPackets() => new()
    {
        { "shorter than the fixed header", [0x80, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0] },
        { "version 1", [0x40, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1] },
        { "CSRC beyond the end", [0x81, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0] },
        { "extension header cut", [0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0x00] },
        { "extension longer than the packet", [0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0x00, 0x02, 0x10, 0x01, 0, 0] },
        { "one-byte element beyond the block", [0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0x00, 0x01, 0x13, 0x01, 0x02, 0x03] },
        { "one-byte id 0 with a length", [0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0x00, 0x01, 0x01, 0x01, 0x00, 0x00] },
        { "two-byte element beyond the block", [0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x10, 0x00, 0x00, 0x01, 0x05, 0x03, 0x01, 0x02] },
        { "two-byte element header cut", [0x90, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x10, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x05] },
        { "padding count 0", [0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x11, 0x00] },
        { "padding beyond the payload", [0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x11, 0x03] },
        { "padding bit with no room", [0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1] },
    };

    [Theory]
    [MemberData(nameof(MalformedPackets))]
    public void TryParseReturnsFalseForAMalformedPacket(string why, byte[] bytes)
    {
        Assert.False(RtpPacket.TryParse(bytes, out _), why);
    }

    [Fact]
    public void PaddingCanTakeTheWholePayload()
    {
        byte[] bytes = [0xA0, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x00, 0x02];
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.True(packet.Payload.IsEmpty);
        Assert.Equal(2, packet.PaddingLength);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MutatedPacketsNeverThrowAndParsedOnesStayInsideTheirBytes(int seed)
    {
        byte[][] seeds = [RtpTestPackets.ChromeAudio(), RtpTestPackets.TwoByteWithCsrcsAndPadding()];
        foreach (byte[] valid in seeds)
        {
            foreach (byte[] bytes in ByteMutations.Of(valid, seed))
            {
                if (!RtpPacket.TryParse(bytes, out RtpPacket packet))
                {
                    continue;
                }

                Assert.Equal(2, packet.Version);
                Assert.InRange(packet.HeaderLength + packet.PaddingLength, RtpPacket.FixedHeaderLength, bytes.Length);
                Assert.Equal(bytes.Length - packet.HeaderLength - packet.PaddingLength, packet.Payload.Length);
                for (int i = 0; i < packet.CsrcCount; i++)
                {
                    _ = packet.GetCsrc(i);
                }

                RtpHeaderExtensionEnumerator extensions = packet.Extensions;
                int total = 0;
                while (extensions.MoveNext())
                {
                    total += extensions.Current.Data.Length;
                }

                Assert.False(extensions.IsMalformed);
                Assert.True(total <= packet.ExtensionData.Length);
                _ = packet.TryGetExtension(3, out _);
            }
        }
    }

    [Fact]
    public void ParseAllocatesNothing()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();
        long sink = 0;
        AllocationBudget.AssertZero(() =>
        {
            RtpPacket.TryParse(bytes, out RtpPacket packet);
            sink += packet.Ssrc + packet.SequenceNumber + packet.Payload.Length;
        });
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void ExtensionLookupAndEnumerationAllocateNothing()
    {
        byte[] bytes = RtpTestPackets.ChromeAudio();
        long sink = 0;
        AllocationBudget.AssertZero(() =>
        {
            RtpPacket.TryParse(bytes, out RtpPacket packet);
            packet.TryGetExtension(3, out ReadOnlySpan<byte> data);
            sink += data.Length;
            foreach (RtpHeaderExtension element in packet.Extensions)
            {
                sink += element.Id;
            }
        });
        Assert.NotEqual(0, sink);
    }
}
