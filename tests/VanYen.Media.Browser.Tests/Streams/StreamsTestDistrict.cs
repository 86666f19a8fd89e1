using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Browser.Tests.Streams;

/// <summary>A data folder with one village, its cluster, a Browser receiver and an announcer whose password the test knows.</summary>
internal sealed record StreamsTestDistrict(string DataDirectory, long ClusterId, string ReceiverToken, string Username, string Password)
{
    public static async Task<StreamsTestDistrict> CreateAsync()
    {
        using var folder = TestDataFolder.Create("vanyen-live-");
        Area district = await folder.Areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Văn Yên"));
        Area commune = await folder.Areas.AddAsync(new NewArea(district.Id, AreaKind.Commune, "Xã An Thịnh"));
        Area village = await folder.Areas.AddAsync(new NewArea(commune.Id, AreaKind.Village, "Thôn Làng Hốc"));
        Cluster cluster = await folder.Clusters.AddAsync(new NewCluster(village.Id, "Cụm loa Làng Hốc"));
        (_, string token) = await folder.AddReceiverAsync(cluster.Id, "Điện thoại cũ", ReceiverKind.Browser);
        string password = await folder.AddUserAsync("pt.an-thinh", "Phát thanh viên An Thịnh", UserRole.Announcer, commune.Id);
        return new StreamsTestDistrict(folder.Directory, cluster.Id, token, "pt.an-thinh", password);
    }
}
