using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Integration.Tests.Domain;

public class ScopePolicyTests
{
    // District 1 → communes 10 (An Thịnh: villages 11 Làng Hốc, 12 Thác Cá) and 20 (Đông Cuông: village 21 Đồng Cát).
    private const long District = 1;
    private const long AnThinh = 10;
    private const long LangHoc = 11;
    private const long ThacCa = 12;
    private const long DongCuong = 20;
    private const long DongCat = 21;

    private static readonly AreaTree s_tree = new(
    [
        new Area(District, null, AreaKind.District, "Huyện Văn Yên", false),
        new Area(AnThinh, District, AreaKind.Commune, "Xã An Thịnh", false),
        new Area(LangHoc, AnThinh, AreaKind.Village, "Thôn Làng Hốc", true),
        new Area(ThacCa, AnThinh, AreaKind.Village, "Thôn Thác Cá", true),
        new Area(DongCuong, District, AreaKind.Commune, "Xã Đông Cuông", false),
        new Area(DongCat, DongCuong, AreaKind.Village, "Thôn Đồng Cát", true),
    ]);

    private static readonly Dictionary<string, User> s_users = new()
    {
        ["district admin"] = MakeUser(1, UserRole.Admin, District),
        ["commune admin"] = MakeUser(2, UserRole.Admin, AnThinh),
        ["commune announcer"] = MakeUser(3, UserRole.Announcer, AnThinh),
        ["village announcer"] = MakeUser(4, UserRole.Announcer, LangHoc),
        ["commune approver"] = MakeUser(5, UserRole.Approver, AnThinh),
        ["district viewer"] = MakeUser(6, UserRole.Viewer, District),
    };

    private readonly ScopePolicy _policy = new(s_tree);

    public static TheoryData<string, ScopeAction, long, bool> Cases => new()
    {
        // A village announcer broadcasts to its own village only: not the neighbour, not its commune, not the district.
        { "village announcer", ScopeAction.Broadcast, LangHoc, true },
        { "village announcer", ScopeAction.Broadcast, ThacCa, false },
        { "village announcer", ScopeAction.Broadcast, AnThinh, false },
        { "village announcer", ScopeAction.Broadcast, District, false },
        { "village announcer", ScopeAction.Broadcast, DongCat, false },
        { "village announcer", ScopeAction.View, ThacCa, false },
        { "village announcer", ScopeAction.Manage, LangHoc, false },

        // A commune announcer covers the commune and its villages, not the other commune.
        { "commune announcer", ScopeAction.Broadcast, AnThinh, true },
        { "commune announcer", ScopeAction.Broadcast, LangHoc, true },
        { "commune announcer", ScopeAction.Broadcast, ThacCa, true },
        { "commune announcer", ScopeAction.Broadcast, DongCuong, false },
        { "commune announcer", ScopeAction.Broadcast, DongCat, false },
        { "commune announcer", ScopeAction.Broadcast, District, false },
        { "commune announcer", ScopeAction.Approve, LangHoc, false },
        { "commune announcer", ScopeAction.Manage, LangHoc, false },

        // The district admin does everything everywhere.
        { "district admin", ScopeAction.Broadcast, District, true },
        { "district admin", ScopeAction.Broadcast, DongCat, true },
        { "district admin", ScopeAction.Approve, LangHoc, true },
        { "district admin", ScopeAction.Manage, ThacCa, true },
        { "district admin", ScopeAction.View, DongCuong, true },

        // A commune admin manages its commune only.
        { "commune admin", ScopeAction.Manage, LangHoc, true },
        { "commune admin", ScopeAction.Manage, DongCat, false },
        { "commune admin", ScopeAction.Manage, District, false },

        // The viewer reads everything in scope and changes nothing.
        { "district viewer", ScopeAction.View, DongCat, true },
        { "district viewer", ScopeAction.Broadcast, DongCat, false },
        { "district viewer", ScopeAction.Broadcast, District, false },
        { "district viewer", ScopeAction.Approve, LangHoc, false },
        { "district viewer", ScopeAction.Manage, LangHoc, false },

        // The approver approves in scope and does not broadcast.
        { "commune approver", ScopeAction.Approve, LangHoc, true },
        { "commune approver", ScopeAction.Approve, DongCat, false },
        { "commune approver", ScopeAction.Broadcast, LangHoc, false },

        // Areas that do not exist are nobody's.
        { "district admin", ScopeAction.View, 4242, false },
    };

    public static TheoryData<string, long, bool> CancelCases => new()
    {
        // The village cannot cancel the district's (or its commune's) program; it can cancel its own.
        { "village announcer", District, false },
        { "village announcer", AnThinh, false },
        { "village announcer", LangHoc, true },
        { "village announcer", ThacCa, false },

        // The commune can cancel its villages' programs and its own, not the district's or the other commune's.
        { "commune announcer", LangHoc, true },
        { "commune announcer", AnThinh, true },
        { "commune announcer", District, false },
        { "commune announcer", DongCuong, false },

        // The district can cancel anything.
        { "district admin", District, true },
        { "district admin", LangHoc, true },

        // Read-only and approving roles cancel nothing.
        { "district viewer", LangHoc, false },
        { "commune approver", LangHoc, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ARoleActsOnlyInsideItsScopeAndOnlyAsItsRoleAllows(string user, ScopeAction action, long areaId, bool expected)
    {
        Assert.Equal(expected, _policy.Can(s_users[user], action, areaId));
    }

    [Theory]
    [MemberData(nameof(CancelCases))]
    public void AProgramCanBeCancelledOnlyFromItsOwnLevelOrAbove(string user, long programScopeAreaId, bool expected)
    {
        Assert.Equal(expected, _policy.CanCancelProgram(s_users[user], programScopeAreaId));
    }

    [Fact]
    public void AVillageAnnouncerCannotActOnTheNeighboursClusterButTheCommuneAnnouncerCan()
    {
        var neighboursCluster = new Cluster(7, ThacCa, "Cụm loa Thác Cá", null, 80, null);
        var ownCluster = new Cluster(8, LangHoc, "Cụm loa Làng Hốc", null, 80, null);

        Assert.False(_policy.CanActOnCluster(s_users["village announcer"], neighboursCluster));
        Assert.True(_policy.CanActOnCluster(s_users["village announcer"], ownCluster));
        Assert.True(_policy.CanActOnCluster(s_users["commune announcer"], neighboursCluster));
        Assert.False(_policy.CanActOnCluster(s_users["district viewer"], ownCluster));
        Assert.True(_policy.CanActOnArea(s_users["commune announcer"], AnThinh));
        Assert.True(_policy.CanView(s_users["village announcer"], LangHoc));
        Assert.True(_policy.CanApprove(s_users["commune approver"], ThacCa));
        Assert.True(_policy.CanManage(s_users["commune admin"], ThacCa));
    }

    [Fact]
    public void OnlyAnnouncersInAnAreaThatRequiresApprovalWaitForAnApprover()
    {
        Assert.True(_policy.NeedsApproval(s_users["village announcer"]));
        Assert.False(_policy.NeedsApproval(s_users["commune announcer"]));
        Assert.False(_policy.NeedsApproval(s_users["district admin"]));
        Assert.False(_policy.NeedsApproval(MakeUser(9, UserRole.Admin, LangHoc)));
    }

    private static User MakeUser(long id, UserRole role, long scope) =>
        new(id, "user" + id, "User " + id, "unused", role, scope, DateTimeOffset.UnixEpoch);
}
