using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public class SrtpKeyingMaterialTests
{
    private static byte[] Numbered(int length) => Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

    [Fact]
    public void TheDtlsClientProtectsWithTheClientKeyAndSalt()
    {
        // RFC 5764 §4.2: client key (0-15), server key (16-31), client salt (32-45), server salt (46-59).
        byte[] exported = Numbered(60);
        using var material = SrtpKeyingMaterial.Split(SrtpProtectionProfile.AesCm128HmacSha1_80, exported, isDtlsClient: true);
        Assert.Equal(exported[0..16], material.LocalMasterKey.ToArray());
        Assert.Equal(exported[16..32], material.RemoteMasterKey.ToArray());
        Assert.Equal(exported[32..46], material.LocalMasterSalt.ToArray());
        Assert.Equal(exported[46..60], material.RemoteMasterSalt.ToArray());
    }

    [Fact]
    public void TheDtlsServerProtectsWithTheServerKeyAndSalt()
    {
        byte[] exported = Numbered(56);
        using var material = SrtpKeyingMaterial.Split(SrtpProtectionProfile.AeadAes128Gcm, exported, isDtlsClient: false);
        Assert.Equal(exported[16..32], material.LocalMasterKey.ToArray());
        Assert.Equal(exported[0..16], material.RemoteMasterKey.ToArray());
        Assert.Equal(exported[44..56], material.LocalMasterSalt.ToArray());
        Assert.Equal(exported[32..44], material.RemoteMasterSalt.ToArray());
    }

    [Theory]
    [InlineData(SrtpProtectionProfile.AesCm128HmacSha1_80)]
    [InlineData(SrtpProtectionProfile.AeadAes128Gcm)]
    public void ClientOutboundTalksToServerInboundAndBack(SrtpProtectionProfile profile)
    {
        var exported = new byte[profile.GetKeyingMaterialLength()];
        new Random(5764).NextBytes(exported);
        using var client = SrtpKeyingMaterial.Split(profile, exported, isDtlsClient: true);
        using var server = SrtpKeyingMaterial.Split(profile, exported, isDtlsClient: false);
        using var clientOut = client.CreateOutboundContext();
        using var serverIn = server.CreateInboundContext();
        using var serverOut = server.CreateOutboundContext();
        using var clientIn = client.CreateInboundContext();

        byte[] rtp = SrtpTestPackets.Rtp(ssrc: 1, sequenceNumber: 7, payloadLength: 40);
        var buffer = new byte[200];

        Assert.True(clientOut.TryProtectRtp(rtp, buffer, out int length));
        Assert.Equal(SrtpUnprotectResult.Ok, serverIn.UnprotectRtp(buffer.AsSpan(0, length), out int plainLength));
        Assert.Equal(rtp, buffer[..plainLength]);

        // A new sequence number, so the replay check cannot answer before authentication does.
        rtp = SrtpTestPackets.Rtp(ssrc: 1, sequenceNumber: 8, payloadLength: 40);
        Assert.True(serverOut.TryProtectRtp(rtp, buffer, out length));
        // A failed unprotect may wipe the bytes it was given (GCM clears them), so it gets a copy.
        Assert.Equal(SrtpUnprotectResult.AuthenticationFailed, serverIn.UnprotectRtp(buffer[..length], out _));
        Assert.Equal(SrtpUnprotectResult.Ok, clientIn.UnprotectRtp(buffer.AsSpan(0, length), out plainLength));
        Assert.Equal(rtp, buffer[..plainLength]);
    }

    [Fact]
    public void SplitRefusesKeyingMaterialOfTheWrongLength()
    {
        Assert.Throws<ArgumentException>(() => SrtpKeyingMaterial.Split(SrtpProtectionProfile.AesCm128HmacSha1_80, new byte[56], isDtlsClient: true));
    }

    [Fact]
    public void TheExporterLabelIsTheOneRfc5764Registers()
    {
        Assert.Equal("EXTRACTOR-dtls_srtp", SrtpKeyingMaterial.ExporterLabel);
    }
}
