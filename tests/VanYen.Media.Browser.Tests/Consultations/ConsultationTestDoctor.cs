using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Browser.Tests.Consultations;

/// <summary>A data folder with a district and one doctor whose password the test knows (no demo seeding: faster).</summary>
internal sealed record ConsultationTestDoctor(string DataDirectory, string Username, string Password)
{
    public static async Task<ConsultationTestDoctor> CreateAsync()
    {
        using var folder = TestDataFolder.Create("vanyen-consult-");
        Area district = await folder.Areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Văn Yên"));
        string password = await folder.AddUserAsync("bacsi.huyen", "Bác sĩ Lê Thu Huyền", UserRole.Viewer, district.Id);
        return new ConsultationTestDoctor(folder.Directory, "bacsi.huyen", password);
    }
}
