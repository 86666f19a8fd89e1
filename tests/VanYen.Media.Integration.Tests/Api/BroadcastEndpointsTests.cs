using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VanYen.Media.Integration.Tests.Api;

[Collection(ApiServerCollection.Name)]
public class BroadcastEndpointsTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task ABulletinWithTooLongTextIs400()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");
        long cluster = await FirstClusterAsync(http, "Thôn Thác Cá");

        using var response = await http.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Quá dài",
            source = new { kind = "tts", text = new string('a', 20_001) },
            clusterIds = new[] { cluster },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text-too-long", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AVillageAnnouncerIsRefusedOnTheNeighboursClusterAndGets404ForAnUnknownOne()
    {
        using var admin = await fixture.ClientForAsync("admin");
        long neighbourCluster = await FirstClusterAsync(admin, "Thôn Thác Cá");
        using var village = await fixture.ClientForAsync("pt.lang-hoc");

        using var neighbour = await village.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Thông báo",
            source = new { kind = "tts", text = "Xin chào bà con." },
            clusterIds = new[] { neighbourCluster },
        });
        using var unknown = await village.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Thông báo",
            source = new { kind = "tts", text = "Xin chào bà con." },
            clusterIds = new[] { 987654L },
        });

        Assert.Equal(HttpStatusCode.Forbidden, neighbour.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ACommuneBulletinStartsIsListedAndIsCancelled()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");
        long cluster = await FirstClusterAsync(http, "Thôn Đồng Phạ");

        using var started = await http.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Lịch tiêm chủng",
            source = new { kind = "tts", text = "Thông báo lịch tiêm chủng tháng mười hai. Đề nghị bà con đưa trẻ đến trạm y tế xã." },
            clusterIds = new[] { cluster },
        });

        Assert.True(started.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, started.StatusCode.ToString());
        var view = await started.Content.ReadFromJsonAsync<JsonElement>();
        string id = view.GetProperty("id").GetString()!;
        Assert.Equal($"/api/broadcasts/{Uri.EscapeDataString(id)}", started.Headers.Location!.OriginalString);
        var list = await http.GetFromJsonAsync<JsonElement>("/api/broadcasts");
        Assert.Contains(list.EnumerateArray(), b => b.GetProperty("id").GetString() == id);

        using var cancelled = await http.PostAsync($"/api/broadcasts/{Uri.EscapeDataString(id)}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        // The engine ends the program at its next 20 ms tick; the view returned by the cancel may predate that.
        string? state = null;
        for (int attempt = 0; attempt < 50 && state != "ended"; attempt++)
        {
            state = (await http.GetFromJsonAsync<JsonElement>($"/api/broadcasts/{Uri.EscapeDataString(id)}")).GetProperty("state").GetString();
            if (state != "ended")
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal("ended", state);
    }

    private static async Task<long> FirstClusterAsync(HttpClient http, string village)
    {
        long area = await ScopeEndpointsTests.FindAreaAsync(http, village);
        return (await http.GetFromJsonAsync<JsonElement>($"/api/clusters?areaId={area}"))[0].GetProperty("id").GetInt64();
    }
}
