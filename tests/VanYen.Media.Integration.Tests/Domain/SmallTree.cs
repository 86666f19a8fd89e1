using VanYen.Media.Server.Domain;

namespace VanYen.Media.Integration.Tests.Domain;

/// <summary>
/// District → communes An Thịnh (villages Làng Hốc, Thác Cá) and Đông Cuông (village Đồng Cát),
/// stored through the repository.
/// </summary>
internal sealed record SmallTree(Area District, Area AnThinh, Area LangHoc, Area ThacCa, Area DongCuong, Area DongCat)
{
    public static async Task<SmallTree> CreateAsync(IAreaRepository areas)
    {
        var district = await areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Văn Yên"));
        var anThinh = await areas.AddAsync(new NewArea(district.Id, AreaKind.Commune, "Xã An Thịnh"));
        var langHoc = await areas.AddAsync(new NewArea(anThinh.Id, AreaKind.Village, "Thôn Làng Hốc", RequiresApproval: true));
        var thacCa = await areas.AddAsync(new NewArea(anThinh.Id, AreaKind.Village, "Thôn Thác Cá"));
        var dongCuong = await areas.AddAsync(new NewArea(district.Id, AreaKind.Commune, "Xã Đông Cuông"));
        var dongCat = await areas.AddAsync(new NewArea(dongCuong.Id, AreaKind.Village, "Thôn Đồng Cát"));
        return new SmallTree(district, anThinh, langHoc, thacCa, dongCuong, dongCat);
    }

    public IReadOnlyList<Area> All => [District, AnThinh, LangHoc, ThacCa, DongCuong, DongCat];
}
