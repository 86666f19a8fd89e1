using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VanYen.Media.Integration.Tests.Api;

/// <summary>Role and scope checks on the management endpoints, with the demo district's users.</summary>
[Collection(ApiServerCollection.Name)]
public class ScopeEndpointsTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task AViewerCannotCreateAClusterAndGets403WithAReason()
    {
        using var admin = await fixture.ClientForAsync("admin");
        long village = await FindAreaAsync(admin, "Thôn Làng Hốc");
        using var viewer = await fixture.ClientForAsync("xem.huyen");

        using var response = await viewer.PostAsJsonAsync("/api/clusters", new { areaId = village, name = "Cụm loa mới" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        var clusters = await admin.GetFromJsonAsync<JsonElement>($"/api/clusters?areaId={village}");
        Assert.DoesNotContain(clusters.EnumerateArray(), c => c.GetProperty("name").GetString() == "Cụm loa mới");
    }

    [Fact]
    public async Task AVillageAnnouncerSeesTheirOwnClusterButGets403OnTheNeighboursAnd404OnAnUnknownOne()
    {
        using var admin = await fixture.ClientForAsync("admin");
        long ownVillage = await FindAreaAsync(admin, "Thôn Làng Hốc");
        long neighbour = await FindAreaAsync(admin, "Thôn Thác Cá");
        long ownCluster = (await admin.GetFromJsonAsync<JsonElement>($"/api/clusters?areaId={ownVillage}"))[0].GetProperty("id").GetInt64();
        long neighbourCluster = (await admin.GetFromJsonAsync<JsonElement>($"/api/clusters?areaId={neighbour}"))[0].GetProperty("id").GetInt64();
        using var announcer = await fixture.ClientForAsync("pt.lang-hoc");

        using var own = await announcer.GetAsync($"/api/clusters/{ownCluster}");
        using var other = await announcer.GetAsync($"/api/clusters/{neighbourCluster}");
        using var unknown = await announcer.GetAsync("/api/clusters/987654");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("outside-scope", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("cluster-not-found", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task TheAreaTreeOfACommuneAnnouncerIsTheirCommuneWithItsVillages()
    {
        using var announcer = await fixture.ClientForAsync("pt.an-thinh");

        var tree = await announcer.GetFromJsonAsync<JsonElement>("/api/areas");

        Assert.Equal("Xã An Thịnh", tree.GetProperty("name").GetString());
        Assert.Equal("commune", tree.GetProperty("kind").GetString());
        Assert.Equal(["Thôn Làng Hốc", "Thôn Thác Cá", "Thôn Đồng Phạ"], tree.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ACreatedReceiverShowsItsSecretOnceAndOnlyItsHashIsKept()
    {
        using var admin = await fixture.ClientForAsync("admin");
        long village = await FindAreaAsync(admin, "Thôn Cầu Khai");
        long cluster = (await admin.GetFromJsonAsync<JsonElement>($"/api/clusters?areaId={village}"))[0].GetProperty("id").GetInt64();

        using var created = await admin.PostAsJsonAsync("/api/receivers", new { clusterId = cluster, name = "Loa thử", kind = "ipSpeaker" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        string secret = body.GetProperty("secret").GetString()!;
        Assert.Equal(43, secret.Length);
        long id = body.GetProperty("receiver").GetProperty("id").GetInt64();
        string again = await admin.GetStringAsync($"/api/receivers/{id}");
        string list = await admin.GetStringAsync($"/api/receivers?clusterId={cluster}");
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain("sha256$", list, StringComparison.Ordinal);
        Assert.Contains("Loa thử", list, StringComparison.Ordinal);

        using var rotated = await admin.PostAsync($"/api/receivers/{id}/secret", null);
        string newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.NotEqual(secret, newSecret);
    }

    [Fact]
    public async Task ACommuneAdminCannotCreateAUserAboveTheirScope()
    {
        using var admin = await fixture.ClientForAsync("admin");
        long commune = await FindAreaAsync(admin, "Xã Lâm Giang");
        long district = (await admin.GetFromJsonAsync<JsonElement>("/api/areas")).GetProperty("id").GetInt64();
        using var created = await admin.PostAsJsonAsync("/api/users", new { username = "qt.lam-giang", displayName = "Quản trị xã Lâm Giang", role = "admin", scopeAreaId = commune });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string password = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generatedPassword").GetString()!;
        using var anonymous = fixture.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username = "qt.lam-giang", password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var communeAdmin = fixture.CreateClient();
        communeAdmin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var above = await communeAdmin.PostAsJsonAsync("/api/users", new { username = "x.huyen", displayName = "X", role = "viewer", scopeAreaId = district });
        using var inside = await communeAdmin.PostAsJsonAsync("/api/users", new { username = "xem.lam-giang", displayName = "Xem", role = "viewer", scopeAreaId = commune, password = "mat-khau-dai-du" });

        Assert.Equal(HttpStatusCode.Forbidden, above.StatusCode);
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
    }

    internal static async Task<long> FindAreaAsync(HttpClient http, string name)
    {
        var tree = await http.GetFromJsonAsync<JsonElement>("/api/areas");
        return Find(tree, name) ?? throw new InvalidOperationException("no area " + name);

        static long? Find(JsonElement node, string name)
        {
            if (node.GetProperty("name").GetString() == name)
            {
                return node.GetProperty("id").GetInt64();
            }

            foreach (var child in node.GetProperty("children").EnumerateArray())
            {
                if (Find(child, name) is long id)
                {
                    return id;
                }
            }

            return null;
        }
    }
}
