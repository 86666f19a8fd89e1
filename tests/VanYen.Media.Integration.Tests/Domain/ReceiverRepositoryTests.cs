using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Integration.Tests.Domain;

public class ReceiverRepositoryTests
{
    [Fact]
    public async Task AReceiverIsFoundByTheHashOfItsSecretAndRemembersWhenItWasSeen()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        var cluster = await db.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "Cụm loa"));
        string secret = DeviceSecret.Generate();

        var receiver = await db.Receivers.AddAsync(new NewReceiver(cluster.Id, "Bộ thu", ReceiverKind.HttpStream, DeviceSecret.Hash(secret)));
        db.Time.Advance(TimeSpan.FromMinutes(5));
        await db.Receivers.MarkSeenAsync(receiver.Id, db.Time.GetUtcNow());

        var found = (await db.Receivers.FindBySecretHashAsync(DeviceSecret.Hash(secret)))!;
        Assert.Equal(receiver with { LastSeen = db.Time.GetUtcNow() }, found);
        Assert.Equal(db.Time.GetUtcNow() - TimeSpan.FromMinutes(5), receiver.CreatedAt);
        Assert.Null(await db.Receivers.FindBySecretHashAsync(DeviceSecret.Hash(DeviceSecret.Generate())));
        Assert.Equal([found], await db.Receivers.GetByClusterAsync(cluster.Id));
        Assert.Equal([found], await db.Receivers.GetInAreaAsync(tree.AnThinh.Id));
        Assert.Empty(await db.Receivers.GetInAreaAsync(tree.DongCuong.Id));
        Assert.DoesNotContain(receiver.SecretHash, receiver.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatingTheSecretRetiresTheOldOne()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        var cluster = await db.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "Cụm loa"));
        var receiver = await db.Receivers.AddAsync(new NewReceiver(cluster.Id, "Bộ thu", ReceiverKind.IPSpeaker, DeviceSecret.Hash("old")));

        await db.Receivers.ReplaceSecretHashAsync(receiver.Id, DeviceSecret.Hash("new"));

        Assert.Null(await db.Receivers.FindBySecretHashAsync(DeviceSecret.Hash("old")));
        Assert.Equal(receiver.Id, (await db.Receivers.FindBySecretHashAsync(DeviceSecret.Hash("new")))!.Id);
        await Assert.ThrowsAsync<DomainNotFoundException>(() => db.Receivers.ReplaceSecretHashAsync(4242, DeviceSecret.Hash("x")));
        await Assert.ThrowsAsync<DomainNotFoundException>(() => db.Receivers.MarkSeenAsync(4242, db.Time.GetUtcNow()));
    }

    [Fact]
    public async Task BadReceiversAreRefusedWithAReason()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        var cluster = await db.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "Cụm loa"));
        await db.Receivers.AddAsync(new NewReceiver(cluster.Id, "Bộ thu", ReceiverKind.IPSpeaker, DeviceSecret.Hash("same")));

        var unknownCluster = await Assert.ThrowsAsync<DomainValidationException>(() => db.Receivers.AddAsync(new NewReceiver(4242, "Bộ thu", ReceiverKind.Browser, DeviceSecret.Hash("other"))));
        var sameSecret = await Assert.ThrowsAsync<DomainConflictException>(() => db.Receivers.AddAsync(new NewReceiver(cluster.Id, "Bộ thu 2", ReceiverKind.IPSpeaker, DeviceSecret.Hash("same"))));
        var plainSecret = await Assert.ThrowsAsync<DomainValidationException>(() => db.Receivers.AddAsync(new NewReceiver(cluster.Id, "Bộ thu 3", ReceiverKind.IPSpeaker, "same")));

        Assert.Equal(DomainErrors.UnknownCluster, unknownCluster.Reason);
        Assert.Equal(DomainErrors.SecretInUse, sameSecret.Reason);
        Assert.Equal(DomainErrors.InvalidSecretHash, plainSecret.Reason);
    }
}
