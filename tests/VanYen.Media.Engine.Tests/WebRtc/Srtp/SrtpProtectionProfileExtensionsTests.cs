using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public class SrtpProtectionProfileExtensionsTests
{
    [Theory]
    [InlineData((ushort)0x0001, SrtpProtectionProfile.AesCm128HmacSha1_80)]
    [InlineData((ushort)0x0007, SrtpProtectionProfile.AeadAes128Gcm)]
    public void TryFromIdKnowsTheRegisteredIdentifiers(ushort id, SrtpProtectionProfile expected)
    {
        Assert.True(SrtpProtectionProfileExtensions.TryFromId(id, out SrtpProtectionProfile profile));
        Assert.Equal(expected, profile);
    }

    [Theory]
    [InlineData((ushort)0x0000)]
    [InlineData((ushort)0x0002)]
    [InlineData((ushort)0x0008)]
    public void TryFromIdRefusesProfilesThisStackDoesNotImplement(ushort id)
    {
        Assert.False(SrtpProtectionProfileExtensions.TryFromId(id, out _));
    }

    [Theory]
    [InlineData(SrtpProtectionProfile.AesCm128HmacSha1_80, 16, 14, 20, 10, 10, 14, 60)]
    [InlineData(SrtpProtectionProfile.AeadAes128Gcm, 16, 12, 0, 16, 16, 20, 56)]
    public void LengthsAreThoseTheRfcsTabulate(
        SrtpProtectionProfile profile, int key, int salt, int authKey, int tag, int rtpOverhead, int rtcpOverhead, int keyingMaterial)
    {
        Assert.Equal(key, profile.GetMasterKeyLength());
        Assert.Equal(salt, profile.GetMasterSaltLength());
        Assert.Equal(authKey, profile.GetSessionAuthKeyLength());
        Assert.Equal(tag, profile.GetAuthTagLength());
        Assert.Equal(rtpOverhead, profile.GetRtpOverhead());
        Assert.Equal(rtcpOverhead, profile.GetRtcpOverhead());
        Assert.Equal(keyingMaterial, profile.GetKeyingMaterialLength());
    }
}
