using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.Rooms;

public sealed class RoomServiceOptionsTests
{
    [Fact]
    public void SrtpProfileNamesParseInOrderCaseInsensitively()
    {
        Assert.Equal(
            [DtlsSrtpProtectionProfile.Aes128CmHmacSha1_80, DtlsSrtpProtectionProfile.AeadAes128Gcm],
            RoomServiceOptions.ParseSrtpProfiles(" aescm128hmacsha1_80 , AeadAes128Gcm,AeadAes128Gcm"));
        Assert.Equal(DtlsSrtpProtectionProfile.DefaultPreference, new RoomServiceOptions().SrtpProfiles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AES_CM")]
    [InlineData("1")]
    [InlineData("AeadAes128Gcm,nonsense")]
    public void UnknownSrtpProfileNamesAreAFormatException(string text) =>
        Assert.Throws<FormatException>(() => RoomServiceOptions.ParseSrtpProfiles(text));
}
