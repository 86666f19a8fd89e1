using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Browser.Tests.Media;

/// <summary>Both SRTP profiles (RFC 7714 AEAD_AES_128_GCM, RFC 3711 AES_CM_128_HMAC_SHA1_80) are negotiated with Chromium and carry media.</summary>
[Collection(CallsCollection.Name)]
public class SrtpProfileTests
{
    // Chromium's getStats() srtpCipher gives the profile's name in the IANA DTLS-SRTP registry (RFC 5764 §4.1.2, RFC 7714 §14.2).
    [Theory]
    [InlineData("AeadAes128Gcm,AesCm128HmacSha1_80", "SRTP_AEAD_AES_128_GCM")]
    [InlineData("AesCm128HmacSha1_80,AeadAes128Gcm", "SRTP_AES128_CM_HMAC_SHA1_80")]
    public async Task ServersPreferredProfileIsNegotiatedAndCarriesMedia(string serverPreference, string expectedCipher)
    {
        var speech = await SpeechFile.GetAsync();
        await using var server = await ServerProcess.StartAsync(null, "--VanYen:WebRtc:SrtpProfiles=" + serverPreference);
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        var page = await CallPage.OpenAsync(browser, server.Url, "/echo.html");

        await page.ClickAsync("start");
        await page.WaitForConnectedAsync(TimeSpan.FromSeconds(20));
        long before = await page.PacketsReceivedAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var stats = await page.StatsAsync();
        long after = await page.PacketsReceivedAsync();

        var transport = stats.GetProperty("transport");
        Assert.Equal(expectedCipher, transport.GetProperty("srtpCipher").GetString());
        Assert.Equal("connected", transport.GetProperty("dtlsState").GetString());
        Assert.True(after - before >= 40, $"only {after - before} packets in 2 s with {expectedCipher}");
    }
}
