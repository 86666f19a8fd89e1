namespace VanYen.Media.Server.Seeding;

/// <summary>What the first start created.</summary>
/// <param name="Logins">Every seeded user and password.</param>
/// <param name="Devices">Every seeded receiver and secret.</param>
/// <param name="LoginsFilePath">Where they were written (readable by the server's account only).</param>
public sealed record DemoSeedResult(IReadOnlyList<DemoLogin> Logins, IReadOnlyList<DemoDevice> Devices, string LoginsFilePath)
{
    /// <summary>The browser speakers (/speaker) seeded on the commune centres, with their secrets.</summary>
    public IReadOnlyList<DemoDevice> BrowserSpeakers { get; init; } = [];
}
