using VanYen.Media.Server.Domain;

namespace VanYen.Media.Integration.Tests.Domain;

public class UserRepositoryTests
{
    [Fact]
    public async Task AUserIsStoredInLowerCaseAndFoundInAnyCase()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        string hash = DomainTestDatabase.FastHasher.Hash("mật-khẩu");

        var user = await db.Users.AddAsync(new NewUser(" PT.An-Thinh ", "Phát thanh viên xã An Thịnh", hash, UserRole.Announcer, tree.AnThinh.Id));

        Assert.Equal(new User(user.Id, "pt.an-thinh", "Phát thanh viên xã An Thịnh", hash, UserRole.Announcer, tree.AnThinh.Id, db.Time.GetUtcNow()), user);
        Assert.Equal(user, await db.Users.FindByUsernameAsync("PT.AN-THINH"));
        Assert.Null(await db.Users.FindByUsernameAsync("pt.dong-cuong"));
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.DoesNotContain(hash, user.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATakenUsernameInAnyCaseIsAConflict()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        string hash = DomainTestDatabase.FastHasher.Hash("x");
        await db.Users.AddAsync(new NewUser("admin", "Quản trị", hash, UserRole.Admin, tree.District.Id));

        var error = await Assert.ThrowsAsync<DomainConflictException>(() => db.Users.AddAsync(new NewUser("ADMIN", "Ai đó", hash, UserRole.Viewer, tree.LangHoc.Id)));

        Assert.Equal(DomainErrors.UsernameTaken, error.Reason);
        Assert.Contains("admin", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("-admin")]
    [InlineData("ad min")]
    [InlineData("quản-trị")]
    [InlineData("a-very-long-username-that-goes-on-and-on")]
    [InlineData("")]
    public async Task AMalformedUsernameIsABadRequest(string username)
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => db.Users.AddAsync(new NewUser(username, "Ai đó", DomainTestDatabase.FastHasher.Hash("x"), UserRole.Viewer, tree.District.Id)));

        Assert.Equal(DomainErrors.InvalidUsername, error.Reason);
    }

    [Fact]
    public async Task AnUnknownScopeAreaOrAPlainPasswordIsABadRequest()
    {
        using var db = new DomainTestDatabase();

        var unknownScope = await Assert.ThrowsAsync<DomainValidationException>(() => db.Users.AddAsync(new NewUser("someone", "Ai đó", DomainTestDatabase.FastHasher.Hash("x"), UserRole.Viewer, 4242)));
        var plainPassword = await Assert.ThrowsAsync<DomainValidationException>(() => db.Users.AddAsync(new NewUser("someone", "Ai đó", "password", UserRole.Viewer, 4242)));

        Assert.Equal(DomainErrors.UnknownScopeArea, unknownScope.Reason);
        Assert.Equal(DomainErrors.InvalidPasswordHash, plainPassword.Reason);
    }

    [Fact]
    public async Task UpdatePasswordAndDeleteChangeOnlyWhatTheySay()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        var user = await db.Users.AddAsync(new NewUser("xem", "Xem", DomainTestDatabase.FastHasher.Hash("x"), UserRole.Viewer, tree.District.Id));
        string newHash = DomainTestDatabase.FastHasher.Hash("y");

        var updated = await db.Users.UpdateAsync(user.Id, "Duyệt tin An Thịnh", UserRole.Approver, tree.AnThinh.Id);
        await db.Users.SetPasswordHashAsync(user.Id, newHash);

        Assert.Equal(user with { DisplayName = "Duyệt tin An Thịnh", Role = UserRole.Approver, ScopeAreaId = tree.AnThinh.Id }, updated);
        Assert.Equal(newHash, (await db.Users.GetAsync(user.Id))!.PasswordHash);
        Assert.Equal([updated with { PasswordHash = newHash }], await db.Users.GetInAreaAsync(tree.AnThinh.Id));
        Assert.Empty(await db.Users.GetInAreaAsync(tree.LangHoc.Id));
        await Assert.ThrowsAsync<DomainValidationException>(() => db.Users.UpdateAsync(user.Id, "x", UserRole.Viewer, 4242));
        await Assert.ThrowsAsync<DomainNotFoundException>(() => db.Users.UpdateAsync(4242, "x", UserRole.Viewer, tree.District.Id));
        await Assert.ThrowsAsync<DomainNotFoundException>(() => db.Users.SetPasswordHashAsync(4242, newHash));
        Assert.True(await db.Users.DeleteAsync(user.Id));
        Assert.False(await db.Users.DeleteAsync(user.Id));
        Assert.Equal(0, await db.Users.CountAsync());
    }
}
