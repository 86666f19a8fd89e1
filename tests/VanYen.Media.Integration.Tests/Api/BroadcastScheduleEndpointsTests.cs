using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VanYen.Media.Integration.Tests.Api;

/// <summary>
/// The endpoints the console's panels added: <c>PATCH /api/broadcasts/{id}</c> and its command, relay stations
/// (<c>GET /api/relay/stations</c>, <c>source.stationId</c>), <c>GET /api/tts/options</c>, and the test clock, off by default.
/// </summary>
[Collection(ApiServerCollection.Name)]
public class BroadcastScheduleEndpointsTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task PatchMovesAScheduledBulletinAndChangesItsText()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");
        long cluster = await FirstClusterAsync(http, "Thôn Đồng Phạ");
        string id = await ScheduleAsync(http, cluster, DateTimeOffset.UtcNow.AddHours(2));
        var moved = new DateTimeOffset(DateTimeOffset.UtcNow.AddHours(3).Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);

        using var patched = await http.PatchAsJsonAsync($"/api/broadcasts/{id}", new
        {
            startAt = moved,
            source = new { kind = "tts", text = "Lịch họp đã đổi sang chiều thứ Sáu." },
        });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var view = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("scheduled", view.GetProperty("state").GetString());
        Assert.Equal(moved, view.GetProperty("nextRunAt").GetDateTimeOffset());
        var command = await http.GetFromJsonAsync<JsonElement>($"/api/broadcasts/{id}/command");
        Assert.Equal("Lịch họp đã đổi sang chiều thứ Sáu.", command.GetProperty("source").GetProperty("text").GetString());
        Assert.Equal(moved, command.GetProperty("startAt").GetDateTimeOffset());
        await CancelAsync(http, id);
    }

    [Fact]
    public async Task PatchWithAStartInThePastIs400AndAnEndedOneIs409()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");
        long cluster = await FirstClusterAsync(http, "Thôn Đồng Phạ");
        string id = await ScheduleAsync(http, cluster, DateTimeOffset.UtcNow.AddHours(2));

        using var past = await http.PatchAsJsonAsync($"/api/broadcasts/{id}", new { startAt = DateTimeOffset.UtcNow.AddHours(-1) });
        await CancelAsync(http, id);
        using var ended = await http.PatchAsJsonAsync($"/api/broadcasts/{id}", new { startAt = DateTimeOffset.UtcNow.AddHours(4) });

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal("start-in-the-past", (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, ended.StatusCode);
    }

    [Fact]
    public async Task PatchIs409OnceTheBroadcastIsOnAir()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");
        long cluster = await FirstClusterAsync(http, "Thôn Đồng Phạ");
        using var started = await http.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Đang phát",
            source = new { kind = "tts", text = "Thông báo đang phát, không sửa được nữa." },
            clusterIds = new[] { cluster },
        });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        string id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using var patched = await http.PatchAsJsonAsync($"/api/broadcasts/{id}", new { startAt = DateTimeOffset.UtcNow.AddHours(1) });

        Assert.Equal(HttpStatusCode.Conflict, patched.StatusCode);
        Assert.Equal("already-started", (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        using var cancel = await http.PostAsync($"/api/broadcasts/{id}/cancel", null);
    }

    [Fact]
    public async Task AVillageAnnouncerCannotEditTheCommunesScheduleNorRetargetOutsideTheirScope()
    {
        using var commune = await fixture.ClientForAsync("pt.an-thinh");
        using var admin = await fixture.ClientForAsync("admin");
        long dongPha = await FirstClusterAsync(commune, "Thôn Đồng Phạ");
        long otherCommuneCluster = await FirstClusterOutsideAsync(admin, commune);
        string id = await ScheduleAsync(commune, dongPha, DateTimeOffset.UtcNow.AddHours(2));
        using var village = await fixture.ClientForAsync("pt.lang-hoc");

        using var byVillage = await village.PatchAsJsonAsync($"/api/broadcasts/{id}", new { title = "Sửa trộm" });
        using var outside = await commune.PatchAsJsonAsync($"/api/broadcasts/{id}", new { clusterIds = new[] { otherCommuneCluster } });

        Assert.Contains(byVillage.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        var unchanged = await commune.GetFromJsonAsync<JsonElement>($"/api/broadcasts/{id}");
        Assert.Equal("Họp thôn", unchanged.GetProperty("title").GetString());
        Assert.Equal(dongPha, unchanged.GetProperty("clusterIds")[0].GetInt64());
        await CancelAsync(commune, id);
    }

    [Fact]
    public async Task RelayStationsAreListedAndABroadcastMayNameOne()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");
        long cluster = await FirstClusterAsync(http, "Thôn Đồng Phạ");
        var stations = await http.GetFromJsonAsync<JsonElement>("/api/relay/stations");
        JsonElement vov1 = stations.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "vov1");

        using var unknown = await http.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Tiếp sóng",
            source = new { kind = "relay", stationId = "no-such-station" },
            clusterIds = new[] { cluster },
        });
        using var scheduled = await http.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Tiếp sóng VOV1",
            level = "relay",
            source = new { kind = "relay", stationId = "vov1" },
            clusterIds = new[] { cluster },
            startAt = DateTimeOffset.UtcNow.AddHours(2),
        });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknown-relay-station", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Accepted, scheduled.StatusCode);
        string id = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var command = await http.GetFromJsonAsync<JsonElement>($"/api/broadcasts/{id}/command");
        Assert.Equal(
            vov1.GetProperty("urls").EnumerateArray().Select(u => u.GetString()),
            command.GetProperty("source").GetProperty("relayUrls").EnumerateArray().Select(u => u.GetString()));
        await CancelAsync(http, id);
    }

    [Fact]
    public async Task TtsOptionsGiveTheVoicesAndTheTextLimit()
    {
        using var http = await fixture.ClientForAsync("xem.huyen");
        var options = await http.GetFromJsonAsync<JsonElement>("/api/tts/options");
        Assert.Equal(["vi", "vi-vn-x-central", "vi-vn-x-south"], options.GetProperty("voices").EnumerateArray().Select(v => v.GetString()!));
        Assert.Equal(20_000, options.GetProperty("maxTextLength").GetInt32());
    }

    [Fact]
    public async Task TheTestClockIs404UnlessTheServerEnablesIt()
    {
        using var http = await fixture.ClientForAsync("admin");
        using var response = await http.PostAsJsonAsync("/api/testing/clock/advance", new { seconds = 60 });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("clock-control-off", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task TheNewEndpointsAreInTheOpenApiDocument()
    {
        using var http = fixture.CreateClient();
        var paths = (await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/broadcasts/{id}").TryGetProperty("patch", out _));
        Assert.True(paths.GetProperty("/api/broadcasts/{id}/command").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/relay/stations").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/tts/options").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/testing/clock/advance").TryGetProperty("post", out _));
    }

    private static async Task<string> ScheduleAsync(HttpClient http, long cluster, DateTimeOffset at)
    {
        using var response = await http.PostAsJsonAsync("/api/broadcasts", new
        {
            title = "Họp thôn",
            source = new { kind = "tts", text = "Mời bà con đến họp thôn." },
            clusterIds = new[] { cluster },
            startAt = at,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task CancelAsync(HttpClient http, string id)
    {
        using var response = await http.PostAsync($"/api/broadcasts/{id}/cancel", null);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<long> FirstClusterAsync(HttpClient http, string village)
    {
        long area = await ScopeEndpointsTests.FindAreaAsync(http, village);
        return (await http.GetFromJsonAsync<JsonElement>($"/api/clusters?areaId={area}"))[0].GetProperty("id").GetInt64();
    }

    /// <summary>A cluster the admin sees and <paramref name="scoped"/> does not.</summary>
    private static async Task<long> FirstClusterOutsideAsync(HttpClient admin, HttpClient scoped)
    {
        var mine = (await scoped.GetFromJsonAsync<JsonElement>("/api/clusters")).EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToHashSet();
        return (await admin.GetFromJsonAsync<JsonElement>("/api/clusters")).EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).First(id => !mine.Contains(id));
    }
}
