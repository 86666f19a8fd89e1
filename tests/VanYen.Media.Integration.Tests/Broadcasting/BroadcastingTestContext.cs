using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Integration.Tests.Domain;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Library;
using VanYen.Media.Server.Schedules;

namespace VanYen.Media.Integration.Tests.Broadcasting;

/// <summary>
/// The small district (<see cref="SmallTree"/>; Làng Hốc requires approval) with one cluster per village and one at
/// the An Thịnh commune centre, users at every level, and the broadcast services over a real SQLite file.
/// </summary>
internal sealed class BroadcastingTestContext : IAsyncDisposable
{
    private BroadcastingTestContext(DomainTestDatabase db, SmallTree tree, IBroadcastEngine engine, RelayOptions? relayOptions)
    {
        // Relays watch real time (ffmpeg's pace), whatever clock the database uses.
        Relays = new RelaySourceFactory(relayOptions ?? new RelayOptions(), db.Audit, TimeProvider.System, NullLoggerFactory.Instance);
        Db = db;
        Tree = tree;
        Engine = engine;
        Store = new SqliteBroadcastScheduleStore(db.Transactions);
        Library = new AudioLibrary(db.Transactions, db.Areas, db.Audit, Store, db.Options, db.Time, NullLogger<AudioLibrary>.Instance);
        Speech = new TextToSpeechCache(new EspeakTextToSpeechEngine(), Path.Combine(db.DataDirectory, "tts-cache"));
        Service = CreateService();
    }

    public DomainTestDatabase Db { get; }

    public SmallTree Tree { get; }

    public IBroadcastEngine Engine { get; }

    public RelaySourceFactory Relays { get; }

    public SqliteBroadcastScheduleStore Store { get; }

    public AudioLibrary Library { get; }

    public TextToSpeechCache Speech { get; }

    public BroadcastService Service { get; private set; }

    public Cluster LangHocCluster { get; private set; } = null!;

    public Cluster ThacCaCluster { get; private set; } = null!;

    public Cluster DongCatCluster { get; private set; } = null!;

    public Cluster AnThinhCluster { get; private set; } = null!;

    /// <summary>Announcer of Làng Hốc (an area that requires approval).</summary>
    public User LangHocAnnouncer { get; private set; } = null!;

    public User ThacCaAnnouncer { get; private set; } = null!;

    public User AnThinhAnnouncer { get; private set; } = null!;

    public User AnThinhApprover { get; private set; } = null!;

    public User DistrictAdmin { get; private set; } = null!;

    public static async Task<BroadcastingTestContext> CreateAsync(IBroadcastEngine? engine = null, RelayOptions? relayOptions = null)
    {
        var db = new DomainTestDatabase();
        var tree = await SmallTree.CreateAsync(db.Areas);
        var context = new BroadcastingTestContext(db, tree, engine ?? new RecordingBroadcastEngine(), relayOptions);
        context.LangHocCluster = await db.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "Cụm loa Làng Hốc"));
        context.ThacCaCluster = await db.Clusters.AddAsync(new NewCluster(tree.ThacCa.Id, "Cụm loa Thác Cá"));
        context.DongCatCluster = await db.Clusters.AddAsync(new NewCluster(tree.DongCat.Id, "Cụm loa Đồng Cát"));
        context.AnThinhCluster = await db.Clusters.AddAsync(new NewCluster(tree.AnThinh.Id, "Cụm loa UBND xã An Thịnh"));
        string hash = DomainTestDatabase.FastHasher.Hash("mật khẩu dài");
        context.LangHocAnnouncer = await db.Users.AddAsync(new NewUser("langhoc", "Phát thanh viên Làng Hốc", hash, UserRole.Announcer, tree.LangHoc.Id));
        context.ThacCaAnnouncer = await db.Users.AddAsync(new NewUser("thacca", "Phát thanh viên Thác Cá", hash, UserRole.Announcer, tree.ThacCa.Id));
        context.AnThinhAnnouncer = await db.Users.AddAsync(new NewUser("anthinh", "Phát thanh viên An Thịnh", hash, UserRole.Announcer, tree.AnThinh.Id));
        context.AnThinhApprover = await db.Users.AddAsync(new NewUser("anthinh.duyet", "Người duyệt An Thịnh", hash, UserRole.Approver, tree.AnThinh.Id));
        context.DistrictAdmin = await db.Users.AddAsync(new NewUser("huyen", "Quản trị huyện", hash, UserRole.Admin, tree.District.Id));
        return context;
    }

    /// <summary>A new service on the same database, as after a restart (the old one is disposed).</summary>
    public async Task<BroadcastService> RestartServiceAsync()
    {
        await Service.DisposeAsync();
        Service = CreateService();
        return Service;
    }

    public BroadcastScheduler CreateScheduler() =>
        new(Store, Service, Db.Audit, Db.Time, NullLogger<BroadcastScheduler>.Instance);

    /// <summary>Audit entries with this action, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action)
    {
        var page = await Db.Audit.QueryAsync(new AuditQuery { Action = action, Limit = 1000 });
        return page.Entries.Reverse().ToArray();
    }

    /// <summary>Waits (real time, generous) until the queued audit entries with this action reach <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> WaitForAuditAsync(string action, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var entries = await AuditAsync(action);
            if (entries.Count >= count)
            {
                return entries;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        Db.Dispose();
    }

    private BroadcastService CreateService() => new(
        Engine,
        Db.Areas,
        Db.Clusters,
        Db.Users,
        Db.Audit,
        Library,
        Store,
        Db.Abbreviations,
        Speech,
        Relays,
        Db.Time,
        NullLogger<BroadcastService>.Instance);
}
