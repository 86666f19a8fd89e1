using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public partial class SrtpContextTests
{
    private static byte[] Mutate(Random random, byte[] packet)
    {
        switch (random.Next(4))
        {
            case 0:
            {
                byte[] flipped = (byte[])packet.Clone();
                int bit = random.Next(flipped.Length * 8);
                flipped[bit / 8] ^= (byte)(1 << (bit % 8));
                return flipped;
            }

            case 1:
                return packet[..random.Next(packet.Length)];
            case 2:
            {
                var extended = new byte[packet.Length + 1 + random.Next(20)];
                packet.CopyTo(extended, 0);
                random.NextBytes(extended.AsSpan(packet.Length));
                return extended;
            }

            default:
            {
                byte[] scrambled = (byte[])packet.Clone();
                random.NextBytes(scrambled.AsSpan(random.Next(scrambled.Length)));
                return scrambled;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void MutatedSrtpPacketsNeverThrowAndNeverAuthenticate(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            var random = new Random(20240601);
            for (int i = 0; i < 2000; i++)
            {
                byte[] rtp = SrtpTestPackets.Rtp(Ssrc, (ushort)i, payloadLength: random.Next(0, 300), csrcCount: random.Next(3), extensionWords: random.Next(-1, 3));
                byte[] srtp = Protect(sender, rtp);
                byte[] mutated = Mutate(random, srtp);
                SrtpUnprotectResult result = receiver.UnprotectRtp(mutated, out int length);
                Assert.NotEqual(SrtpUnprotectResult.Ok, result);
                Assert.Equal(0, length);
            }

            Assert.Equal(0, receiver.StreamCount);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void MutatedSrtcpPacketsNeverThrowAndNeverAuthenticate(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            var random = new Random(20240602);
            for (int i = 0; i < 2000; i++)
            {
                byte[] srtcp = ProtectRtcp(sender, SrtpTestPackets.RtcpReceiverReport(Ssrc));
                SrtpUnprotectResult result = receiver.UnprotectRtcp(Mutate(random, srtcp), out int length);
                Assert.NotEqual(SrtpUnprotectResult.Ok, result);
                Assert.Equal(0, length);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RandomBytesNeverThrowFromAnyOperation(SrtpProtectionProfile profile)
    {
        var (sender, receiver) = Pair(profile);
        using (sender)
        using (receiver)
        {
            var random = new Random(7714);
            var output = new byte[2048];
            for (int i = 0; i < 3000; i++)
            {
                var bytes = new byte[random.Next(0, 400)];
                random.NextBytes(bytes);
                if (bytes.Length > 0 && random.Next(2) == 0)
                {
                    bytes[0] = (byte)(0x80 | (bytes[0] & 0x3F));
                }

                Assert.NotEqual(SrtpUnprotectResult.Ok, receiver.UnprotectRtp((byte[])bytes.Clone(), out _));
                Assert.NotEqual(SrtpUnprotectResult.Ok, receiver.UnprotectRtcp((byte[])bytes.Clone(), out _));

                // Protect either succeeds with the documented length or refuses; it never throws.
                if (sender.TryProtectRtp(bytes, output, out int length))
                {
                    Assert.Equal(bytes.Length + sender.RtpOverhead, length);
                }

                if (sender.TryProtectRtcp(bytes, output, out length))
                {
                    Assert.Equal(bytes.Length + sender.RtcpOverhead, length);
                }
            }
        }
    }
}
