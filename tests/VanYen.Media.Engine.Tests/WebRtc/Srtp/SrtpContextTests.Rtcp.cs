using System.Buffers.Binary;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public partial class SrtpContextTests
{
    private static uint ReadFlagAndIndex(SrtpContext context, byte[] srtcp, int rtcpLength) =>
        BinaryPrimitives.ReadUInt32BigEndian(
            context.Profile == SrtpProtectionProfile.AeadAes128Gcm ? srtcp.AsSpan(srtcp.Length - 4) : srtcp.AsSpan(rtcpLength));

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RtcpRoundTripsWithTheEFlagSetAndTheIndexCountingUpFromZero(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            byte[] rtcp = SrtpTestPackets.RtcpReceiverReport(Ssrc);
            for (uint expectedIndex = 0; expectedIndex < 3; expectedIndex++)
            {
                byte[] srtcp = ProtectRtcp(sender, rtcp);
                Assert.Equal(0x8000_0000u | expectedIndex, ReadFlagAndIndex(sender, srtcp, rtcp.Length));
                Assert.Equal(rtcp[..8], srtcp[..8]);
                Assert.NotEqual(rtcp[8..], srtcp[8..rtcp.Length]);

                Assert.Equal(SrtpUnprotectResult.Ok, receiver.UnprotectRtcp(srtcp, out int length));
                Assert.Equal(rtcp, srtcp[..length]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RtcpIndexesAreCountedPerSsrc(SrtpProtectionProfile profile)
    {
        var (sender, _) = Pair(profile);
        using (sender)
        {
            byte[] first = SrtpTestPackets.RtcpReceiverReport(1);
            byte[] second = SrtpTestPackets.RtcpReceiverReport(2);
            ProtectRtcp(sender, first);
            ProtectRtcp(sender, first);
            Assert.Equal(0x8000_0000u, ReadFlagAndIndex(sender, ProtectRtcp(sender, second), second.Length));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void AReplayedRtcpPacketIsRejected(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            byte[] srtcp = ProtectRtcp(sender, SrtpTestPackets.RtcpReceiverReport(Ssrc));
            byte[] copy = (byte[])srtcp.Clone();
            Assert.Equal(SrtpUnprotectResult.Ok, receiver.UnprotectRtcp(srtcp, out _));
            Assert.Equal(SrtpUnprotectResult.ReplayDetected, receiver.UnprotectRtcp(copy, out _));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ATamperedRtcpIndexOrBodyIsRejected(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            byte[] rtcp = SrtpTestPackets.RtcpReceiverReport(Ssrc);
            byte[] srtcp = ProtectRtcp(sender, rtcp);
            int indexOffset = profile == SrtpProtectionProfile.AeadAes128Gcm ? srtcp.Length - 1 : rtcp.Length + 3;

            byte[] indexChanged = (byte[])srtcp.Clone();
            indexChanged[indexOffset] ^= 0x01;
            byte[] bodyChanged = (byte[])srtcp.Clone();
            bodyChanged[10] ^= 0x01;
            byte[] encryptionFlagCleared = (byte[])srtcp.Clone();
            encryptionFlagCleared[indexOffset - 3] &= 0x7F;

            Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, receiver.UnprotectRtcp(indexChanged, out _));
            Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, receiver.UnprotectRtcp(bodyChanged, out _));
            Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, receiver.UnprotectRtcp(encryptionFlagCleared, out _));
            Assert.Equal(SrtpUnprotectResult.Ok, receiver.UnprotectRtcp(srtcp, out _));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RtcpProtectInPlaceGivesTheSameBytesAsIntoAnotherBuffer(SrtpProtectionProfile profile)
    {
        var (first, second) = Pair(profile);
        using (first)
        using (second)
        {
            byte[] rtcp = SrtpTestPackets.RtcpReceiverReport(Ssrc);
            byte[] separate = ProtectRtcp(first, rtcp);
            var buffer = new byte[rtcp.Length + 40];
            rtcp.CopyTo(buffer, 0);
            Assert.True(second.TryProtectRtcpInPlace(buffer, rtcp.Length, out int length));
            Assert.Equal(separate, buffer[..length]);
        }
    }

    [Fact]
    public void RtcpProtectRefusesOnceTheIndexWouldPassThirtyOneBits()
    {
        var (sender, _) = Pair(SrtpProtectionProfile.AesCm128HmacSha1_80);
        using (sender)
        {
            sender.SetNextSrtcpIndex(Ssrc, 0x7FFF_FFFF);
            byte[] rtcp = SrtpTestPackets.RtcpReceiverReport(Ssrc);
            ProtectRtcp(sender, rtcp);
            Assert.False(sender.TryProtectRtcp(rtcp, new byte[100], out _));
        }
    }
}
