using System.Buffers.Binary;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public partial class SrtpContextTests
{
    private const int AllocationIterations = 2_000;

    // AllocationBudget runs 1000 warm-up calls before the measured ones.
    private const int AllocationCalls = AllocationIterations + 1_000;

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ProtectRtpAllocatesNothing(SrtpProtectionProfile profile)
    {
        var (sender, _) = Pair(profile);
        using (sender)
        {
            byte[] rtp = SrtpTestPackets.Rtp(Ssrc, 0, payloadLength: 1200);
            var output = new byte[rtp.Length + sender.RtpOverhead];
            ushort sequence = 0;
            int failures = 0;
            AllocationBudget.AssertZero(
                () =>
                {
                    BinaryPrimitives.WriteUInt16BigEndian(rtp.AsSpan(2), sequence++);
                    if (!sender.TryProtectRtp(rtp, output, out _))
                    {
                        failures++;
                    }
                },
                AllocationIterations);
            Assert.Equal(0, failures);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void UnprotectRtpAllocatesNothing(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            var packets = new byte[AllocationCalls][];
            for (int i = 0; i < packets.Length; i++)
            {
                packets[i] = Protect(sender, SrtpTestPackets.Rtp(Ssrc, (ushort)i, payloadLength: 1200));
            }

            int next = 0;
            int failures = 0;
            AllocationBudget.AssertZero(
                () =>
                {
                    if (receiver.UnprotectRtp(packets[next++], out _) != SrtpUnprotectResult.Ok)
                    {
                        failures++;
                    }
                },
                AllocationIterations);
            Assert.Equal(0, failures);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ProtectAndUnprotectRtcpAllocateNothing(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            byte[] rtcp = SrtpTestPackets.RtcpReceiverReport(Ssrc);
            var buffer = new byte[rtcp.Length + sender.RtcpOverhead];
            int failures = 0;
            AllocationBudget.AssertZero(
                () =>
                {
                    if (!sender.TryProtectRtcp(rtcp, buffer, out int length)
                        || receiver.UnprotectRtcp(buffer.AsSpan(0, length), out _) != SrtpUnprotectResult.Ok)
                    {
                        failures++;
                    }
                },
                AllocationIterations);
            Assert.Equal(0, failures);
        }
    }

    [Fact]
    public void RejectingAForgedAesCmPacketAllocatesNothing()
    {
        var (sender, receiver) = Pair(SrtpProtectionProfile.AesCm128HmacSha1_80);
        using (sender)
        using (receiver)
        {
            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, Protect(sender, SrtpTestPackets.Rtp(Ssrc, 1, 160)), out _));
            byte[] forged = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 2, 160));
            forged[^1] ^= 1;
            AllocationBudget.AssertZero(() => receiver.UnprotectRtp(forged, out _), AllocationIterations);
        }
    }
}
