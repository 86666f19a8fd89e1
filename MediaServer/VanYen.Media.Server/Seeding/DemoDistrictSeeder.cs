using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Seeding;

/// <summary>
/// On a fresh install (no users yet) creates the demo district Văn Yên: communes, villages,
/// clusters with one receiver each, and users with random passwords, which it shows once on
/// the console and writes to <c>&lt;data&gt;/demo-logins.txt</c> (owner-only).
/// </summary>
public sealed partial class DemoDistrictSeeder
{
    /// <summary>The file in the data folder that keeps the generated logins.</summary>
    public const string LoginsFileName = "demo-logins.txt";

    private readonly IDomainTransactions _transactions;
    private readonly IAreaRepository _areas;
    private readonly IClusterRepository _clusters;
    private readonly IReceiverRepository _receivers;
    private readonly IUserRepository _users;
    private readonly IAuditLog _audit;
    private readonly PasswordHasher _hasher;
    private readonly string _dataDirectory;
    private readonly ILogger<DemoDistrictSeeder> _logger;

    public DemoDistrictSeeder(
        IDomainTransactions transactions,
        IAreaRepository areas,
        IClusterRepository clusters,
        IReceiverRepository receivers,
        IUserRepository users,
        IAuditLog audit,
        PasswordHasher hasher,
        IOptions<MediaServerOptions> options,
        ILogger<DemoDistrictSeeder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transactions = transactions;
        _areas = areas;
        _clusters = clusters;
        _receivers = receivers;
        _users = users;
        _audit = audit;
        _hasher = hasher;
        _dataDirectory = options.Value.DataDirectoryFullPath;
        _logger = logger;
    }

    /// <summary>Path of the logins file.</summary>
    public string LoginsFilePath => Path.Combine(_dataDirectory, LoginsFileName);

    /// <summary>
    /// Seeds everything in one transaction if there are no users and no areas yet, then prints
    /// the logins to <paramref name="console"/>; returns <see langword="null"/> (and prints nothing) otherwise.
    /// </summary>
    public async Task<DemoSeedResult?> SeedIfEmptyAsync(TextWriter console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (await _users.CountAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            return null;
        }

        if ((await _areas.GetRootsAsync(cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            LogAreasWithoutUsers(_logger);
            return null;
        }

        var result = await SeedAsync(cancellationToken).ConfigureAwait(false);
        await PrintAsync(console, result).ConfigureAwait(false);
        LogSeeded(_logger, result.Logins.Count, result.Devices.Count, result.LoginsFilePath);
        return result;
    }

    private async Task<DemoSeedResult> SeedAsync(CancellationToken cancellationToken)
    {
        // PBKDF2 is slow by design: hash side by side, before the write transaction opens.
        var passwords = DemoDistrictPlan.Users.Select(_ => PasswordGenerator.Generate()).ToArray();
        var hashes = await Task.WhenAll(passwords.Select(password => Task.Run(() => _hasher.Hash(password), cancellationToken))).ConfigureAwait(false);

        var devices = new List<DemoDevice>();
        var speakers = new List<DemoDevice>();
        var areasByName = new Dictionary<string, Area>(StringComparer.Ordinal);
        int villageCount = 0;

        await using var transaction = await _transactions.BeginAsync(cancellationToken).ConfigureAwait(false);
        var district = await _areas.AddAsync(new NewArea(null, AreaKind.District, DemoDistrictPlan.DistrictName), cancellationToken).ConfigureAwait(false);
        areasByName.Add(district.Name, district);
        foreach (var communePlan in DemoDistrictPlan.Communes)
        {
            var commune = await _areas.AddAsync(new NewArea(district.Id, AreaKind.Commune, communePlan.Name), cancellationToken).ConfigureAwait(false);
            areasByName.Add(commune.Name, commune);
            string inSentence = char.ToLowerInvariant(communePlan.Name[0]) + communePlan.Name[1..];
            var centre = new NewCluster(
                commune.Id,
                "Cụm loa trung tâm " + inSentence,
                "Trụ sở UBND " + inSentence,
                DefaultVolume: 85,
                DemoDistrictPlan.CommuneCentreHours);
            DemoDevice centreDevice = await AddClusterWithReceiverAsync(centre, cancellationToken).ConfigureAwait(false);
            devices.Add(centreDevice);
            speakers.Add(await AddBrowserSpeakerAsync(centreDevice, cancellationToken).ConfigureAwait(false));

            foreach (var villagePlan in communePlan.Villages)
            {
                // Village bulletins go through an approver: Circular 39/2020 leaves responsibility for content with the commune.
                var village = await _areas.AddAsync(new NewArea(commune.Id, AreaKind.Village, villagePlan.Name, RequiresApproval: true), cancellationToken).ConfigureAwait(false);
                areasByName.Add(village.Name, village);
                villageCount++;
                foreach (string clusterPlan in villagePlan.Clusters)
                {
                    string[] nameAndLocation = clusterPlan.Split('|');
                    var cluster = new NewCluster(village.Id, nameAndLocation[0], nameAndLocation[1], DefaultVolume: 80, DemoDistrictPlan.VillageHours);
                    devices.Add(await AddClusterWithReceiverAsync(cluster, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        var logins = new List<DemoLogin>();
        for (int i = 0; i < DemoDistrictPlan.Users.Count; i++)
        {
            var plan = DemoDistrictPlan.Users[i];
            var scope = areasByName[plan.ScopeName];
            await _users.AddAsync(new NewUser(plan.Username, plan.DisplayName, hashes[i], plan.Role, scope.Id), cancellationToken).ConfigureAwait(false);
            logins.Add(new DemoLogin(plan.Username, plan.Role, scope.Name, passwords[i]));
        }

        var details = new Dictionary<string, int>
        {
            ["communes"] = DemoDistrictPlan.Communes.Count,
            ["villages"] = villageCount,
            ["clusters"] = devices.Count,
            ["receivers"] = devices.Count + speakers.Count,
            ["users"] = logins.Count,
        };
        await _audit.AppendAsync(
            new NewAuditEntry
            {
                Action = AuditActions.DemoDistrictSeeded,
                UserName = "system",
                TargetKind = "area",
                TargetId = district.Id.ToString(CultureInfo.InvariantCulture),
                AreaId = district.Id,
                DetailsJson = JsonSerializer.Serialize(details),
            },
            cancellationToken).ConfigureAwait(false);

        // Written before the commit: if the file cannot be written, nothing is seeded and the next start tries again.
        var result = new DemoSeedResult(logins, devices, LoginsFilePath) { BrowserSpeakers = speakers };
        await WriteLoginsFileAsync(result, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<DemoDevice> AddClusterWithReceiverAsync(NewCluster plan, CancellationToken cancellationToken)
    {
        var cluster = await _clusters.AddAsync(plan, cancellationToken).ConfigureAwait(false);
        string secret = DeviceSecret.Generate();
        var receiver = await _receivers.AddAsync(
            new NewReceiver(cluster.Id, "Bộ thu IP – " + cluster.Name, ReceiverKind.IPSpeaker, DeviceSecret.Hash(secret)),
            cancellationToken).ConfigureAwait(false);
        return new DemoDevice(receiver.Id, cluster.Name, secret) { ClusterId = cluster.Id };
    }

    // A browser speaker (an old phone on an amplifier, /speaker) on each commune centre, so the demo can be heard
    // from the two commands without creating a receiver first.
    private async Task<DemoDevice> AddBrowserSpeakerAsync(DemoDevice centre, CancellationToken cancellationToken)
    {
        string secret = DeviceSecret.Generate();
        var receiver = await _receivers.AddAsync(
            new NewReceiver(centre.ClusterId, "Loa trình duyệt – " + centre.ClusterName, ReceiverKind.Browser, DeviceSecret.Hash(secret)),
            cancellationToken).ConfigureAwait(false);
        return new DemoDevice(receiver.Id, centre.ClusterName, secret) { ClusterId = centre.ClusterId };
    }

    private async Task WriteLoginsFileAsync(DemoSeedResult result, CancellationToken cancellationToken)
    {
        string text =
            "VanYen.Media demo logins, generated at first start. Change these passwords, then delete this file.\n\n"
            + DemoLoginsReport.FormatLogins(result.Logins)
            + "\nReceiver device secrets (each demo IP speaker authenticates with its own):\n\n"
            + DemoLoginsReport.FormatDevices(result.Devices)
            + "\nBrowser speakers (open the link on a phone or PC next to an amplifier; it plays that cluster):\n\n"
            + DemoLoginsReport.FormatSpeakerLinks(result.BrowserSpeakers);

        Directory.CreateDirectory(_dataDirectory);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var file = new StreamWriter(result.LoginsFilePath, System.Text.Encoding.UTF8, options);
        await using (file.ConfigureAwait(false))
        {
            await file.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to a new file; a stale one from an interrupted first start keeps its mode otherwise.
            File.SetUnixFileMode(result.LoginsFilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static async Task PrintAsync(TextWriter console, DemoSeedResult result)
    {
        await console.WriteLineAsync().ConfigureAwait(false);
        await console.WriteLineAsync("First start: created the demo district Huyện Văn Yên. These passwords are shown ONCE:").ConfigureAwait(false);
        await console.WriteLineAsync().ConfigureAwait(false);
        await console.WriteAsync(DemoLoginsReport.FormatLogins(result.Logins)).ConfigureAwait(false);
        await console.WriteLineAsync().ConfigureAwait(false);
        await console.WriteLineAsync($"They and the device secrets of {result.Devices.Count} demo receivers are also in {result.LoginsFilePath} (readable by this account only).").ConfigureAwait(false);
        await console.WriteLineAsync("Start with --VanYen:SeedDemo=false on a real installation.").ConfigureAwait(false);
        await console.WriteLineAsync().ConfigureAwait(false);
        await console.FlushAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo district: {Users} users, {Receivers} receivers; logins in {Path}")]
    private static partial void LogSeeded(ILogger logger, int users, int receivers, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Areas exist but no users: the demo district is not seeded; add an admin user yourself")]
    private static partial void LogAreasWithoutUsers(ILogger logger);
}
