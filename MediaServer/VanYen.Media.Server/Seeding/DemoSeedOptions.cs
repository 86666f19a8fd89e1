namespace VanYen.Media.Server.Seeding;

/// <summary>Demo data settings, bound from the "VanYen" section (<c>--VanYen:SeedDemo=false</c> turns seeding off).</summary>
public sealed class DemoSeedOptions
{
    /// <summary>Create the demo district, clusters, receivers and users when the users table is empty.</summary>
    public bool SeedDemo { get; set; } = true;
}
