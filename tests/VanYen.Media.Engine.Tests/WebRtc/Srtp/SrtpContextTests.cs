using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public partial class SrtpContextTests
{
    private const uint Ssrc = 0x11223344;

    public static TheoryData<SrtpProtectionProfile> Profiles => new()
    {
        SrtpProtectionProfile.AesCm128HmacSha1_80,
        SrtpProtectionProfile.AeadAes128Gcm,
    };

    /// <summary>A sender and a receiver sharing one master key, as the two ends of one direction.</summary>
    private static (SrtpContext Sender, SrtpContext Receiver) Pair(SrtpProtectionProfile profile, int maxStreams = SrtpContext.DefaultMaxStreams)
    {
        var key = new byte[profile.GetMasterKeyLength()];
        var salt = new byte[profile.GetMasterSaltLength()];
        var random = new Random(3711);
        random.NextBytes(key);
        random.NextBytes(salt);
        return (new SrtpContext(profile, key, salt, maxStreams), new SrtpContext(profile, key, salt, maxStreams));
    }

    private static byte[] Protect(SrtpContext sender, byte[] rtp)
    {
        var output = new byte[rtp.Length + sender.RtpOverhead];
        Assert.True(sender.TryProtectRtp(rtp, output, out int length));
        Assert.Equal(output.Length, length);
        return output;
    }

    private static byte[] ProtectRtcp(SrtpContext sender, byte[] rtcp)
    {
        var output = new byte[rtcp.Length + sender.RtcpOverhead];
        Assert.True(sender.TryProtectRtcp(rtcp, output, out int length));
        Assert.Equal(output.Length, length);
        return output;
    }

    private static SrtpUnprotectResult Unprotect(SrtpContext receiver, byte[] srtp, out byte[] plain)
    {
        byte[] copy = (byte[])srtp.Clone();
        SrtpUnprotectResult result = receiver.UnprotectRtp(copy, out int length);
        plain = copy[..length];
        return result;
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RtpRoundTripsWithCsrcsAndHeaderExtension(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            byte[] rtp = SrtpTestPackets.Rtp(Ssrc, 1000, payloadLength: 160, csrcCount: 2, extensionWords: 2);
            byte[] srtp = Protect(sender, rtp);

            int headerLength = 12 + 8 + 12;
            Assert.Equal(rtp[..headerLength], srtp[..headerLength]);
            Assert.NotEqual(rtp[headerLength..], srtp[headerLength..rtp.Length]);

            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, srtp, out byte[] plain));
            Assert.Equal(rtp, plain);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ProtectInPlaceGivesTheSameBytesAsProtectIntoAnotherBuffer(SrtpProtectionProfile profile)
    {
        var (first, second) = Pair(profile);
        using (first)
        using (second)
        {
            byte[] rtp = SrtpTestPackets.Rtp(Ssrc, 5, payloadLength: 1200);
            byte[] separate = Protect(first, rtp);
            var buffer = new byte[rtp.Length + 64];
            rtp.CopyTo(buffer, 0);
            Assert.True(second.TryProtectRtpInPlace(buffer, rtp.Length, out int length));
            Assert.Equal(separate, buffer[..length]);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ProtectRefusesATooSmallOutputAPartlyOverlappingOutputAndAMalformedHeader(SrtpProtectionProfile profile)
    {
        var (sender, _) = Pair(profile);
        using (sender)
        {
            byte[] rtp = SrtpTestPackets.Rtp(Ssrc, 5, payloadLength: 20);
            Assert.False(sender.TryProtectRtp(rtp, new byte[rtp.Length + sender.RtpOverhead - 1], out _));

            var buffer = new byte[200];
            rtp.CopyTo(buffer, 0);
            Assert.False(sender.TryProtectRtp(buffer.AsSpan(0, rtp.Length), buffer.AsSpan(4), out _));

            byte[] badVersion = (byte[])rtp.Clone();
            badVersion[0] = 0x40;
            Assert.False(sender.TryProtectRtp(badVersion, buffer, out _));

            byte[] extensionPastEnd = SrtpTestPackets.Rtp(Ssrc, 5, payloadLength: 0, extensionWords: 1);
            extensionPastEnd[15] = 9;
            Assert.False(sender.TryProtectRtp(extensionPastEnd, buffer, out _));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void SequenceWrapAdvancesTheRolloverCounterOnBothSides(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            foreach (ushort sequence in new ushort[] { 65533, 65534, 65535, 0, 1, 2 })
            {
                byte[] rtp = SrtpTestPackets.Rtp(Ssrc, sequence, payloadLength: 50, fill: (byte)sequence);
                Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, Protect(sender, rtp), out byte[] plain));
                Assert.Equal(rtp, plain);
            }

            Assert.Equal(1u, sender.GetRolloverCounter(Ssrc));
            Assert.Equal(1u, receiver.GetRolloverCounter(Ssrc));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ALatePacketFromBeforeTheWrapStillAuthenticates(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            // RFC 3711 §3.3.1: the receiver's ROC starts at 0 with the first packet it sees, so that one is pre-wrap.
            byte[] first = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 65534, 30));
            byte[] beforeWrap = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 65535, 30));
            byte[] afterWrap = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 0, 30));
            byte[] next = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 1, 30));

            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, first, out _));
            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, afterWrap, out _));
            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, next, out _));
            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, beforeWrap, out byte[] late));
            Assert.Equal(SrtpTestPackets.Rtp(Ssrc, 65535, 30), late);
            Assert.Equal(1u, receiver.GetRolloverCounter(Ssrc));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void AReplayedPacketIsRejected(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            byte[] first = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 10, 30));
            byte[] second = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 11, 30));
            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, first, out _));
            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, second, out _));
            Assert.Equal(SrtpUnprotectResult.ReplayDetected, Unprotect(receiver, first, out _));
            Assert.Equal(SrtpUnprotectResult.ReplayDetected, Unprotect(receiver, second, out _));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ReorderedPacketsWithinTheWindowAreAcceptedAndOlderOnesAreTooOld(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            byte[] oldest = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 100, 30));
            byte[] withinWindow = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 1000, 30));
            byte[] newest = Protect(sender, SrtpTestPackets.Rtp(Ssrc, (ushort)(100 + SrtpContext.DefaultReplayWindowSize), 30));

            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, newest, out _));
            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, withinWindow, out _));
            Assert.Equal(SrtpUnprotectResult.TooOld, Unprotect(receiver, oldest, out _));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ATamperedPayloadOrTagIsRejectedAndLeavesTheStateUnchanged(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, Protect(sender, SrtpTestPackets.Rtp(Ssrc, 65535, 30)), out _));
            byte[] afterWrap = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 3, 30));

            byte[] payloadFlipped = (byte[])afterWrap.Clone();
            payloadFlipped[20] ^= 0x01;
            byte[] tagFlipped = (byte[])afterWrap.Clone();
            tagFlipped[^1] ^= 0x80;
            byte[] sequenceChanged = (byte[])afterWrap.Clone();
            sequenceChanged[3] = 4;

            Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, Unprotect(receiver, payloadFlipped, out _));
            Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, Unprotect(receiver, tagFlipped, out _));
            Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, Unprotect(receiver, sequenceChanged, out _));

            // A forged packet past the wrap must not have advanced the ROC, nor marked the index as seen.
            Assert.Equal(0u, receiver.GetRolloverCounter(Ssrc));
            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, afterWrap, out _));
            Assert.Equal(1u, receiver.GetRolloverCounter(Ssrc));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void AForgedPacketOfANewSsrcCreatesNoState(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            byte[] forged = Protect(sender, SrtpTestPackets.Rtp(Ssrc, 1, 30));
            forged[^2] ^= 0xFF;
            Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, Unprotect(receiver, forged, out _));
            Assert.Equal(0, receiver.StreamCount);
            Assert.Null(receiver.GetRolloverCounter(Ssrc));
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void SsrcsBeyondTheBoundAreRejectedAndCounted(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile, maxStreams: 2);
        using (sender)
        using (receiver)
        {
            byte[] first = Protect(sender, SrtpTestPackets.Rtp(1, 1, 30));
            byte[] second = Protect(sender, SrtpTestPackets.Rtp(2, 1, 30));
            Assert.False(sender.TryProtectRtp(SrtpTestPackets.Rtp(3, 1, 30), new byte[100], out _));
            Assert.Equal(1, sender.RejectedStreamCount);

            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, first, out _));
            Assert.Equal(SrtpUnprotectResult.Ok, Unprotect(receiver, second, out _));
            using var other = Pair(profile).Sender;
            byte[] third = Protect(other, SrtpTestPackets.Rtp(3, 1, 30));
            Assert.Equal(SrtpUnprotectResult.TooManyStreams, Unprotect(receiver, third, out _));
            Assert.Equal(1, receiver.RejectedStreamCount);
            Assert.Equal(2, receiver.StreamCount);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void UnprotectRejectsPacketsShorterThanHeaderAndTag(SrtpProtectionProfile profile)
    {
        var (_, receiver) = Pair(profile);
        using (receiver)
        {
            Assert.Equal(SrtpUnprotectResult.Malformed, receiver.UnprotectRtp(new byte[12 + receiver.RtpOverhead - 1], out _));
            Assert.Equal(SrtpUnprotectResult.Malformed, receiver.UnprotectRtcp(new byte[8 + receiver.RtcpOverhead - 1], out _));
            Assert.Equal(SrtpUnprotectResult.Malformed, receiver.UnprotectRtp(Span<byte>.Empty, out _));
        }
    }

    [Fact]
    public void DifferentSsrcsGetDifferentKeystreams()
    {
        var (sender, _) = Pair(SrtpProtectionProfile.AesCm128HmacSha1_80);
        using (sender)
        {
            byte[] one = Protect(sender, SrtpTestPackets.Rtp(1, 1, 32));
            byte[] two = Protect(sender, SrtpTestPackets.Rtp(2, 1, 32));
            Assert.NotEqual(one[12..44], two[12..44]);
        }
    }
}
