using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public partial class SrtpContextTests
{
    // RFC 7714 §16 and §17: the session key and salt are given directly (no key derivation).
    private static readonly byte[] Rfc7714Key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
    private static readonly byte[] Rfc7714Salt = Convert.FromHexString("517569642070726f2071756f");

    private static readonly byte[] Rfc7714RtpPlain = Convert.FromHexString(
        "8040f17b8041f8d35501a0b2" +
        "47616c6c696120657374206f6d6e6973206469766973612069" +
        "6e207061727465732074726573");

    private static readonly byte[] Rfc7714RtpProtected = Convert.FromHexString(
        "8040f17b8041f8d35501a0b2" +
        "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833" +
        "899d7f27beb16a9152cf765ee4390cce");

    private static readonly byte[] Rfc7714RtcpPlain = Convert.FromHexString(
        "81c8000d4d617273" +
        "4e5450314e545032525450200000042a0000e9304c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef");

    private static readonly byte[] Rfc7714RtcpProtected = Convert.FromHexString(
        "81c8000d4d617273" +
        "63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b4686303ded0bb9275bc84aa45896cf4d2f" +
        "c5abf87245d9eade" +
        "800005d4");

    private static readonly byte[] Rfc7714RtcpAuthenticatedOnly = Convert.FromHexString(
        "81c8000d4d617273" +
        "4e5450314e545032525450200000042a0000e9304c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef" +
        "841dd9683dd78ec92ae58790125f62b3" +
        "000005d4");

    private static SrtpContext Rfc7714Context() =>
        SrtpContext.FromSessionKeys(SrtpProtectionProfile.AeadAes128Gcm, Rfc7714Key, Rfc7714Salt, default);

    [Fact]
    public void GcmProtectRtpProducesTheRfc7714Section16Packet()
    {
        using SrtpContext context = Rfc7714Context();
        var output = new byte[Rfc7714RtpPlain.Length + 16];
        Assert.True(context.TryProtectRtp(Rfc7714RtpPlain, output, out int length));
        Assert.Equal(Rfc7714RtpProtected, output[..length]);
    }

    [Fact]
    public void GcmUnprotectRtpRestoresTheRfc7714Section16Plaintext()
    {
        using SrtpContext context = Rfc7714Context();
        byte[] packet = (byte[])Rfc7714RtpProtected.Clone();
        Assert.Equal(SrtpUnprotectResult.Ok, context.UnprotectRtp(packet, out int length));
        Assert.Equal(Rfc7714RtpPlain, packet[..length]);
    }

    [Fact]
    public void GcmUnprotectRtpRejectsTheRfc7714PacketWithAChangedHeader()
    {
        using SrtpContext context = Rfc7714Context();
        byte[] packet = (byte[])Rfc7714RtpProtected.Clone();
        packet[5] ^= 0x01; // timestamp: part of the associated data
        Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, context.UnprotectRtp(packet, out _));
        Assert.Equal(0, context.StreamCount);
    }

    [Fact]
    public void GcmProtectRtcpProducesTheRfc7714Section17Packet()
    {
        using SrtpContext context = Rfc7714Context();
        context.SetNextSrtcpIndex(0x4d617273, 0x000005d4);
        var output = new byte[Rfc7714RtcpPlain.Length + 20];
        Assert.True(context.TryProtectRtcp(Rfc7714RtcpPlain, output, out int length));
        Assert.Equal(Rfc7714RtcpProtected, output[..length]);
    }

    [Fact]
    public void GcmUnprotectRtcpRestoresTheRfc7714Section17Plaintext()
    {
        using SrtpContext context = Rfc7714Context();
        byte[] packet = (byte[])Rfc7714RtcpProtected.Clone();
        Assert.Equal(SrtpUnprotectResult.Ok, context.UnprotectRtcp(packet, out int length));
        Assert.Equal(Rfc7714RtcpPlain, packet[..length]);
    }

    [Fact]
    public void GcmUnprotectRtcpAcceptsTheRfc7714AuthenticatedOnlyPacket()
    {
        using SrtpContext context = Rfc7714Context();
        byte[] packet = (byte[])Rfc7714RtcpAuthenticatedOnly.Clone();
        Assert.Equal(SrtpUnprotectResult.Ok, context.UnprotectRtcp(packet, out int length));
        Assert.Equal(Rfc7714RtcpPlain, packet[..length]);
    }

    [Fact]
    public void GcmUnprotectRtcpRejectsTheAuthenticatedOnlyPacketWithAFlippedBodyBitAndLeavesItIntact()
    {
        using SrtpContext context = Rfc7714Context();
        byte[] packet = (byte[])Rfc7714RtcpAuthenticatedOnly.Clone();
        packet[20] ^= 0x80;
        byte[] before = (byte[])packet.Clone();
        Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, context.UnprotectRtcp(packet, out _));
        Assert.Equal(before, packet);
    }
}
