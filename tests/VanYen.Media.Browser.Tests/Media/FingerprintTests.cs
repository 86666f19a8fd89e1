using System.Text.Json;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Browser.Tests.Media;

/// <summary>The DTLS certificate must match the offer's a=fingerprint (RFC 8122 §5): otherwise no media flows.</summary>
[Collection(CallsCollection.Name)]
public class FingerprintTests
{
    // Changes the first byte of the offer's certificate fingerprint, keeping the line well-formed.
    private const string MangleFingerprint = """
        () => {
          window.vanyenHooks = {
            transformOffer: sdp => sdp.replace(/^(a=fingerprint:\S+ )([0-9A-Fa-f]{2})/m,
              (line, prefix, first) => prefix + (first.toUpperCase() === '00' ? 'FF' : '00')),
          };
        }
        """;

    [Fact]
    public async Task OfferWithAWrongFingerprintIsRefusedAndNoMediaFlows()
    {
        var speech = await SpeechFile.GetAsync();
        await using var server = await ServerProcess.StartAsync();
        await using var browser = await Chromium.LaunchAsync(speech.Path);
        var page = await CallPage.OpenAsync(browser, server.Url, "/echo.html");
        await page.Page.EvaluateAsync(MangleFingerprint);

        await page.ClickAsync("start");
        string? error = null;
        long packetsReceived = 0;
        bool dtlsConnected = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (error is null && DateTime.UtcNow < deadline)
        {
            var stats = await page.StatsAsync();
            if (stats.GetProperty("inbound").ValueKind == JsonValueKind.Object)
            {
                packetsReceived = Math.Max(packetsReceived, stats.GetProperty("inbound").GetProperty("packetsReceived").GetInt64());
            }

            if (stats.GetProperty("transport").ValueKind == JsonValueKind.Object)
            {
                dtlsConnected |= stats.GetProperty("transport").GetProperty("dtlsState").GetString() == "connected";
            }

            error = await page.LastErrorAsync();
            await Task.Delay(100);
        }

        Assert.NotNull(error);
        Assert.Contains("fingerprint", error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, packetsReceived);
        Assert.False(dtlsConnected, "DTLS completed despite the wrong fingerprint");
        Assert.NotEqual("connected", await page.ConnectionStateAsync());
    }
}
