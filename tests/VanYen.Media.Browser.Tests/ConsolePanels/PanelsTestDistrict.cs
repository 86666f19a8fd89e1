using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Browser.Tests.ConsolePanels;

/// <summary>A data folder with one commune, one village cluster with an IP receiver (secret known) and a commune announcer.</summary>
internal sealed record PanelsTestDistrict(string DataDirectory, long ClusterId, long ReceiverId, string ReceiverSecret, string Username, string Password)
{
    public const string ClusterName = "Cụm loa thử Làng Hốc";

    public static async Task<PanelsTestDistrict> CreateAsync()
    {
        using var folder = TestDataFolder.Create("vanyen-panels-");
        Area district = await folder.Areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Văn Yên"));
        Area commune = await folder.Areas.AddAsync(new NewArea(district.Id, AreaKind.Commune, "Xã An Thịnh"));
        Area village = await folder.Areas.AddAsync(new NewArea(commune.Id, AreaKind.Village, "Thôn Làng Hốc"));
        Cluster cluster = await folder.Clusters.AddAsync(new NewCluster(village.Id, ClusterName));
        (Receiver receiver, string secret) = await folder.AddReceiverAsync(cluster.Id, "Bộ thu IP thử", ReceiverKind.IPSpeaker);
        string password = await folder.AddUserAsync("pt.an-thinh", "Phát thanh viên An Thịnh", UserRole.Announcer, commune.Id);
        return new PanelsTestDistrict(folder.Directory, cluster.Id, receiver.Id, secret, "pt.an-thinh", password);
    }
}
