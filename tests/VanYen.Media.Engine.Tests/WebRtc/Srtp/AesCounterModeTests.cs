using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public class AesCounterModeTests
{
    // RFC 3711 Appendix B.2.
    private static readonly byte[] SessionKey = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");
    private static readonly byte[] Offset = Convert.FromHexString("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");

    [Fact]
    public void KeystreamMatchesRfc3711AppendixB2()
    {
        using var counterMode = new AesCounterMode(SessionKey);
        // 65282 AES blocks, as the RFC's keystream segment.
        var keystream = new byte[1044512];
        counterMode.GenerateKeystream(Offset, keystream);

        Assert.Equal(Convert.FromHexString("E03EAD0935C95E80E166B16DD92B4EB4"), keystream[..16]);
        Assert.Equal(Convert.FromHexString("D23513162B02D0F72A43A2FE4A5F97AB"), keystream[16..32]);
        Assert.Equal(Convert.FromHexString("41E95B3BB0A2E8DD477901E4FCA894C0"), keystream[32..48]);
        Assert.Equal(Convert.FromHexString("EC8CDF7398607CB0F2D21675EA9EA1E4"), keystream[(0xFEFF * 16)..(0xFF00 * 16)]);
        Assert.Equal(Convert.FromHexString("362B7C3C6773516318A077D7FC5073AE"), keystream[(0xFF00 * 16)..(0xFF01 * 16)]);
        Assert.Equal(Convert.FromHexString("6A2CC3787889374FBEB4C81B17BA6C44"), keystream[(0xFF01 * 16)..]);
    }

    [Fact]
    public void SessionCipherBuildsTheRfcOffsetFromSaltWithZeroSsrcAndIndex()
    {
        using var cipher = new SrtpSessionCipher(
            SrtpProtectionProfile.AesCm128HmacSha1_80, SessionKey, Offset.AsSpan(0, 14), new byte[20]);
        var iv = new byte[16];
        cipher.ComputeAesCmIv(ssrc: 0, index: 0, iv);
        Assert.Equal(Offset, iv);
    }

    [Fact]
    public void SessionCipherPlacesSsrcAndIndexWhereRfc3711Section411Says()
    {
        using var cipher = new SrtpSessionCipher(
            SrtpProtectionProfile.AesCm128HmacSha1_80, SessionKey, new byte[14], new byte[20]);
        var iv = new byte[16];
        cipher.ComputeAesCmIv(ssrc: 0xAABBCCDD, index: 0x0102_0304_0506, iv);
        Assert.Equal(Convert.FromHexString("00000000AABBCCDD0102030405060000"), iv);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1279)]
    [InlineData(1280)]
    [InlineData(3000)]
    public void TransformEqualsXorWithTheKeystreamAtAnyLengthAndInPlace(int length)
    {
        using var counterMode = new AesCounterMode(SessionKey);
        var random = new Random(length);
        var plain = new byte[length];
        random.NextBytes(plain);
        var keystream = new byte[length];
        counterMode.GenerateKeystream(Offset, keystream);

        var inPlace = (byte[])plain.Clone();
        counterMode.Transform(Offset, inPlace, inPlace);

        var expected = new byte[length];
        for (int i = 0; i < length; i++)
        {
            expected[i] = (byte)(plain[i] ^ keystream[i]);
        }

        Assert.Equal(expected, inPlace);
    }
}
