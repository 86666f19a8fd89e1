using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Integration.Tests.Domain;

public class ClusterRepositoryTests
{
    [Fact]
    public async Task ClustersOfASubtreeIncludeTheCommuneCentreAndItsVillagesOnly()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        var centre = await db.Clusters.AddAsync(new NewCluster(tree.AnThinh.Id, "A trung tâm xã"));
        var langHoc = await db.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "B Làng Hốc"));
        var thacCa = await db.Clusters.AddAsync(new NewCluster(tree.ThacCa.Id, "C Thác Cá"));
        var dongCat = await db.Clusters.AddAsync(new NewCluster(tree.DongCat.Id, "D Đồng Cát"));

        Assert.Equal([centre, langHoc, thacCa], await db.Clusters.GetInAreaAsync(tree.AnThinh.Id));
        Assert.Equal([langHoc], await db.Clusters.GetInAreaAsync(tree.LangHoc.Id));
        Assert.Equal([centre, langHoc, thacCa, dongCat], await db.Clusters.GetInAreaAsync(tree.District.Id));
        Assert.Empty(await db.Clusters.GetInAreaAsync(4242));
    }

    [Fact]
    public async Task LocationVolumeAndOnAirHoursRoundTrip()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);

        var added = await db.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, " Cụm loa ", " Nhà văn hoá ", 65, new OnAirHours(new TimeOnly(5, 30), new TimeOnly(21, 30))));
        var bare = await db.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "Cụm loa 2", "  "));

        Assert.Equal(new Cluster(added.Id, tree.LangHoc.Id, "Cụm loa", "Nhà văn hoá", 65, new OnAirHours(new TimeOnly(5, 30), new TimeOnly(21, 30))), await db.Clusters.GetAsync(added.Id));
        Assert.Equal(new Cluster(bare.Id, tree.LangHoc.Id, "Cụm loa 2", null, 80, null), await db.Clusters.GetAsync(bare.Id));
    }

    [Fact]
    public async Task AClusterInTheDistrictOrWithABadVolumeIsABadRequest()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);

        var inDistrict = await Assert.ThrowsAsync<DomainValidationException>(() => db.Clusters.AddAsync(new NewCluster(tree.District.Id, "Cụm loa huyện")));
        var loud = await Assert.ThrowsAsync<DomainValidationException>(() => db.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "Cụm loa", DefaultVolume: 101)));
        var unnamed = await Assert.ThrowsAsync<DomainValidationException>(() => db.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "")));

        Assert.Equal(DomainErrors.ClusterAreaKind, inDistrict.Reason);
        Assert.Equal(DomainErrors.VolumeOutOfRange, loud.Reason);
        Assert.Equal(DomainErrors.InvalidName, unnamed.Reason);
    }

    [Fact]
    public async Task UpdateMovesAClusterAndDeleteTakesItsReceiversWithIt()
    {
        using var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        var cluster = await db.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "Cụm loa"));
        var receiver = await db.Receivers.AddAsync(new NewReceiver(cluster.Id, "Bộ thu", ReceiverKind.IPSpeaker, DeviceSecret.Hash("s")));

        var moved = await db.Clusters.UpdateAsync(cluster with { AreaId = tree.ThacCa.Id, DefaultVolume = 50 });

        Assert.Equal(moved, await db.Clusters.GetAsync(cluster.Id));
        Assert.Equal([moved], await db.Clusters.GetInAreaAsync(tree.ThacCa.Id));
        await Assert.ThrowsAsync<DomainNotFoundException>(() => db.Clusters.UpdateAsync(cluster with { Id = 4242 }));
        Assert.True(await db.Clusters.DeleteAsync(cluster.Id));
        Assert.Null(await db.Receivers.GetAsync(receiver.Id));
        Assert.False(await db.Clusters.DeleteAsync(cluster.Id));
    }

    [Theory]
    [InlineData("05:30", "21:30", "05:29", false)]
    [InlineData("05:30", "21:30", "05:30", true)]
    [InlineData("05:30", "21:30", "21:30", false)]
    [InlineData("22:00", "06:00", "23:59", true)]
    [InlineData("22:00", "06:00", "03:00", true)]
    [InlineData("22:00", "06:00", "12:00", false)]
    public void OnAirHoursContainTheirStartButNotTheirEndAndMaySpanMidnight(string from, string until, string time, bool expected)
    {
        var hours = new OnAirHours(TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, hours.Contains(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
