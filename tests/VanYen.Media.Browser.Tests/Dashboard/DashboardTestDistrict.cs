using Microsoft.Data.Sqlite;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Browser.Tests.Dashboard;

/// <summary>
/// A data folder with a district, a commune, a village and its cluster, an IP speaker (for the reference receiver)
/// and a Browser receiver (for the speaker page) whose secrets the test knows, a district-wide announcer and a
/// district admin.
/// </summary>
internal sealed record DashboardTestDistrict(
    string DataDirectory,
    long ClusterId,
    string ClusterName,
    long SpeakerReceiverId,
    string SpeakerSecret,
    long BrowserReceiverId,
    string BrowserToken,
    string Username,
    string DisplayName,
    string Password,
    string AdminUsername,
    string AdminPassword) : IDisposable
{
    public static async Task<DashboardTestDistrict> CreateAsync()
    {
        using var folder = TestDataFolder.Create("vanyen-dashboard-");
        Area district = await folder.Areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Văn Yên"));
        Area commune = await folder.Areas.AddAsync(new NewArea(district.Id, AreaKind.Commune, "Xã An Thịnh"));
        Area village = await folder.Areas.AddAsync(new NewArea(commune.Id, AreaKind.Village, "Thôn Làng Hốc"));
        Cluster cluster = await folder.Clusters.AddAsync(new NewCluster(village.Id, "Cụm loa nhà văn hoá Làng Hốc"));
        await folder.Clusters.AddAsync(new NewCluster(commune.Id, "Cụm loa UBND xã An Thịnh"));
        (Receiver speaker, string speakerSecret) = await folder.AddReceiverAsync(cluster.Id, "Loa IP cổng làng", ReceiverKind.IPSpeaker);
        (Receiver browser, string browserToken) = await folder.AddReceiverAsync(cluster.Id, "Điện thoại cũ nhà văn hoá", ReceiverKind.Browser);
        const string displayName = "Phát thanh viên huyện";
        string password = await folder.AddUserAsync("pt.huyen", displayName, UserRole.Announcer, district.Id);
        string adminPassword = await folder.AddUserAsync("qt.huyen", "Quản trị huyện", UserRole.Admin, district.Id);
        return new DashboardTestDistrict(
            folder.Directory, cluster.Id, cluster.Name, speaker.Id, speakerSecret, browser.Id, browserToken, "pt.huyen", displayName, password, "qt.huyen", adminPassword);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The server may still hold the log file for a moment; the folder is in /tmp.
        }
    }
}
