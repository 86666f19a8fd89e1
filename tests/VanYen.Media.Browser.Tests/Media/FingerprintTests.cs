using System.Text.Json;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Media;

/// <summary>The DTLS certificate must match the offer's a=fingerprint (RFC 8122 §5): otherwise no media flows.</summary>
[Collection(CallsCollection.Name)]
public class FingerprintTests(ITestOutputHelper output)
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
        string? reason = null;
        long packetsReceived = 0;
        bool dtlsConnected = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);

        // Chromium may see its DTLS fail (connection state "failed", shown by the page) before the
        // server's SessionClosed arrives: wait for the server's reason, or a hub error naming it.
        while (reason is null && DateTime.UtcNow < deadline)
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

            string? error = await page.LastErrorAsync();
            reason = await page.ClosedReasonAsync()
                ?? (error is not null && error.Contains("fingerprint", StringComparison.OrdinalIgnoreCase) ? error : null);
            await Task.Delay(100);
        }

        Assert.True(reason is not null, $"no reason from the server in 20 s; the page shows: {await page.LastErrorAsync()}\n{page.Console}");
        output.WriteLine($"server's reason: {reason}; packets received {packetsReceived}, DTLS connected {dtlsConnected}");
        Assert.Contains("fingerprint", reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, packetsReceived);
        Assert.False(dtlsConnected, "DTLS completed despite the wrong fingerprint");
        Assert.NotEqual("connected", await page.ConnectionStateAsync());
    }
}
