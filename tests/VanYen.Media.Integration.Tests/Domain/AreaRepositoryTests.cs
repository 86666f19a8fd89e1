using VanYen.Media.Server.Domain;

namespace VanYen.Media.Integration.Tests.Domain;

public class AreaRepositoryTests
{
    [Fact]
    public async Task ChildrenAncestorsAndDescendantsFollowTheTree()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);

        Assert.Equal([tree.District], await db.Areas.GetRootsAsync());
        Assert.Equal([tree.AnThinh, tree.DongCuong], await db.Areas.GetChildrenAsync(tree.District.Id));
        Assert.Equal([tree.LangHoc, tree.ThacCa], await db.Areas.GetChildrenAsync(tree.AnThinh.Id));
        Assert.Empty(await db.Areas.GetChildrenAsync(tree.LangHoc.Id));
        Assert.Equal([tree.AnThinh, tree.District], await db.Areas.GetAncestorsAsync(tree.LangHoc.Id));
        Assert.Empty(await db.Areas.GetAncestorsAsync(tree.District.Id));
        Assert.Equal([tree.AnThinh, tree.DongCuong, tree.LangHoc, tree.ThacCa, tree.DongCat], await db.Areas.GetDescendantsAsync(tree.District.Id));
        Assert.Equal([tree.LangHoc, tree.ThacCa], await db.Areas.GetDescendantsAsync(tree.AnThinh.Id));
        Assert.Empty(await db.Areas.GetDescendantsAsync(4242));
    }

    [Fact]
    public async Task IsWithinHoldsForTheAreaItselfAndBelowButNotForNeighboursOrAbove()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);

        Assert.True(await db.Areas.IsWithinAsync(tree.District.Id, tree.DongCat.Id));
        Assert.True(await db.Areas.IsWithinAsync(tree.AnThinh.Id, tree.LangHoc.Id));
        Assert.True(await db.Areas.IsWithinAsync(tree.LangHoc.Id, tree.LangHoc.Id));
        Assert.False(await db.Areas.IsWithinAsync(tree.LangHoc.Id, tree.ThacCa.Id));
        Assert.False(await db.Areas.IsWithinAsync(tree.LangHoc.Id, tree.AnThinh.Id));
        Assert.False(await db.Areas.IsWithinAsync(tree.AnThinh.Id, tree.DongCat.Id));
        Assert.False(await db.Areas.IsWithinAsync(4242, tree.LangHoc.Id));
        Assert.False(await db.Areas.IsWithinAsync(tree.District.Id, 4242));
    }

    [Fact]
    public async Task TheInMemoryTreeAnswersEveryQueryLikeTheDatabase()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        var memory = await db.Areas.GetTreeAsync();

        Assert.Equal(6, memory.Count);
        foreach (var scope in tree.All)
        {
            Assert.Equal(await db.Areas.GetChildrenAsync(scope.Id), memory.Children(scope.Id));
            Assert.Equal(await db.Areas.GetAncestorsAsync(scope.Id), memory.Ancestors(scope.Id));
            Assert.Equal(await db.Areas.GetDescendantsAsync(scope.Id), memory.Descendants(scope.Id));
            foreach (var area in tree.All)
            {
                Assert.Equal(await db.Areas.IsWithinAsync(scope.Id, area.Id), memory.IsWithin(scope.Id, area.Id));
            }
        }
    }

    [Fact]
    public async Task AVillageUnderAnUnknownParentIsABadRequestNamingTheReason()
    {
        using var db = new DomainTestDatabase();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => db.Areas.AddAsync(new NewArea(4242, AreaKind.Village, "Thôn Ma")));

        Assert.Equal(DomainErrors.UnknownParentArea, error.Reason);
        Assert.Contains("4242", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AreaKind.Village, "district")]
    [InlineData(AreaKind.Commune, "commune")]
    [InlineData(AreaKind.District, "commune")]
    public async Task AnAreaUnderTheWrongKindOfParentIsRefused(AreaKind kind, string parentKind)
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        long parentId = parentKind == "district" ? tree.District.Id : tree.AnThinh.Id;

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => db.Areas.AddAsync(new NewArea(parentId, kind, "Sai chỗ")));

        Assert.Equal(DomainErrors.WrongParentKind, error.Reason);
    }

    [Fact]
    public async Task TwoSiblingsCannotShareANameButCousinsCan()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);

        var error = await Assert.ThrowsAsync<DomainConflictException>(() => db.Areas.AddAsync(new NewArea(tree.AnThinh.Id, AreaKind.Village, " Thôn Thác Cá ")));
        var cousin = await db.Areas.AddAsync(new NewArea(tree.DongCuong.Id, AreaKind.Village, "Thôn Thác Cá"));
        var secondDistrict = await Assert.ThrowsAsync<DomainConflictException>(() => db.Areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Văn Yên")));

        Assert.Equal(DomainErrors.AreaNameTaken, error.Reason);
        Assert.Equal(DomainErrors.AreaNameTaken, secondDistrict.Reason);
        Assert.Equal(tree.DongCuong.Id, cousin.ParentId);
    }

    [Fact]
    public async Task AnEmptyNameIsRefused()
    {
        using var db = new DomainTestDatabase();

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => db.Areas.AddAsync(new NewArea(null, AreaKind.District, "   ")));

        Assert.Equal(DomainErrors.InvalidName, error.Reason);
    }

    [Fact]
    public async Task UpdateRenamesAndSetsTheApprovalFlagOnly()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);

        var updated = await db.Areas.UpdateAsync(tree.ThacCa.Id, "Thôn Thác Cá Mới", requiresApproval: true);

        Assert.Equal(tree.ThacCa with { Name = "Thôn Thác Cá Mới", RequiresApproval = true }, updated);
        Assert.Equal(updated, await db.Areas.GetAsync(tree.ThacCa.Id));
        await Assert.ThrowsAsync<DomainNotFoundException>(() => db.Areas.UpdateAsync(4242, "x", false));
        await Assert.ThrowsAsync<DomainConflictException>(() => db.Areas.UpdateAsync(tree.ThacCa.Id, "Thôn Làng Hốc", false));
    }

    [Fact]
    public async Task AnAreaWithChildrenOrClustersCannotBeDeletedButAnEmptyOneCan()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        await db.Clusters.AddAsync(new NewCluster(tree.DongCat.Id, "Cụm loa"));

        var withChildren = await Assert.ThrowsAsync<DomainConflictException>(() => db.Areas.DeleteAsync(tree.AnThinh.Id));
        var withCluster = await Assert.ThrowsAsync<DomainConflictException>(() => db.Areas.DeleteAsync(tree.DongCat.Id));

        Assert.Equal(DomainErrors.AreaInUse, withChildren.Reason);
        Assert.Equal(DomainErrors.AreaInUse, withCluster.Reason);
        Assert.True(await db.Areas.DeleteAsync(tree.ThacCa.Id));
        Assert.False(await db.Areas.DeleteAsync(tree.ThacCa.Id));
        Assert.Null(await db.Areas.GetAsync(tree.ThacCa.Id));
    }
}
