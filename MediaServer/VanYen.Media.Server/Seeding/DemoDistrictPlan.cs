using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Seeding;

/// <summary>
/// The demo district: Văn Yên (Yên Bái) with four communes. The commune names are real;
/// the village and cluster names are plausible inventions for a demo.
/// </summary>
internal static class DemoDistrictPlan
{
    public const string DistrictName = "Huyện Văn Yên";

    public static IReadOnlyList<CommunePlan> Communes { get; } =
    [
        new("Thị trấn Mậu A", "mau-a",
        [
            new("Tổ dân phố Hồng Hà", ["Cụm loa nhà văn hoá tổ Hồng Hà|Nhà văn hoá tổ dân phố Hồng Hà", "Cụm loa chợ Mậu A|Cổng chợ trung tâm Mậu A"]),
            new("Tổ dân phố Trúc Đình", ["Cụm loa nhà văn hoá tổ Trúc Đình|Nhà văn hoá tổ dân phố Trúc Đình"]),
            new("Thôn Cầu Dài", ["Cụm loa thôn Cầu Dài|Ngã ba đầu cầu Cầu Dài"]),
        ]),
        new("Xã An Thịnh", "an-thinh",
        [
            new("Thôn Làng Hốc", ["Cụm loa nhà văn hoá Làng Hốc|Nhà văn hoá thôn Làng Hốc", "Cụm loa trường tiểu học Làng Hốc|Cổng trường tiểu học An Thịnh"]),
            new("Thôn Thác Cá", ["Cụm loa thôn Thác Cá|Nhà văn hoá thôn Thác Cá"]),
            new("Thôn Đồng Phạ", ["Cụm loa thôn Đồng Phạ|Đầu đường liên thôn Đồng Phạ"]),
        ]),
        new("Xã Đông Cuông", "dong-cuong",
        [
            new("Thôn Đồng Cát", ["Cụm loa nhà văn hoá Đồng Cát|Nhà văn hoá thôn Đồng Cát", "Cụm loa bến đò Đồng Cát|Bến đò sông Hồng, thôn Đồng Cát"]),
            new("Thôn Cầu Khai", ["Cụm loa thôn Cầu Khai|Nhà văn hoá thôn Cầu Khai"]),
        ]),
        new("Xã Lâm Giang", "lam-giang",
        [
            new("Thôn Khe Chung", ["Cụm loa nhà văn hoá Khe Chung|Nhà văn hoá thôn Khe Chung", "Cụm loa điểm trường Khe Chung|Điểm trường mầm non Khe Chung"]),
            new("Thôn Ngòi Cát", ["Cụm loa thôn Ngòi Cát|Nhà văn hoá thôn Ngòi Cát"]),
            new("Thôn Làng Dọc", ["Cụm loa thôn Làng Dọc|Ngã ba Làng Dọc"]),
        ]),
    ];

    /// <summary>
    /// The users: a district admin, approver and viewer, a doctor (teleconsultations; a viewer otherwise), one announcer per commune and one
    /// village announcer (whose bulletins wait for approval, as every village requires it).
    /// </summary>
    public static IReadOnlyList<UserPlan> Users { get; } =
    [
        new("admin", "Quản trị viên huyện Văn Yên", UserRole.Admin, DistrictName),
        new("duyet.huyen", "Lãnh đạo duyệt tin huyện", UserRole.Approver, DistrictName),
        new("xem.huyen", "Cán bộ theo dõi (chỉ xem)", UserRole.Viewer, DistrictName),
        new("bacsi.huyen", "Bác sĩ Trung tâm Y tế huyện", UserRole.Viewer, DistrictName),
        .. Communes.Select(c => new UserPlan("pt." + c.Slug, "Phát thanh viên " + c.Name, UserRole.Announcer, c.Name)),
        new("pt.lang-hoc", "Phát thanh viên thôn Làng Hốc", UserRole.Announcer, "Thôn Làng Hốc"),
    ];

    /// <summary>Commune radio stations sound from early morning to late evening.</summary>
    public static OnAirHours CommuneCentreHours { get; } = new(new TimeOnly(5, 0), new TimeOnly(22, 0));

    /// <summary>Village horns stay quiet at night.</summary>
    public static OnAirHours VillageHours { get; } = new(new TimeOnly(5, 30), new TimeOnly(21, 30));

    /// <param name="Username">Sign-in name.</param>
    /// <param name="DisplayName">Shown name.</param>
    /// <param name="Role">Role.</param>
    /// <param name="ScopeName">Name of the scope area (unique in the demo tree).</param>
    public sealed record UserPlan(string Username, string DisplayName, UserRole Role, string ScopeName);

    /// <param name="Name">The commune's name.</param>
    /// <param name="Slug">ASCII form of the name, for usernames.</param>
    /// <param name="Villages">Its villages.</param>
    public sealed record CommunePlan(string Name, string Slug, IReadOnlyList<VillagePlan> Villages);

    /// <param name="Name">The village's name.</param>
    /// <param name="Clusters">"name|location" of each cluster.</param>
    public sealed record VillagePlan(string Name, IReadOnlyList<string> Clusters);
}
