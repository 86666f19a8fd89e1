namespace VanYen.Media.Server.Audit;

/// <summary>The action names the server writes; the API layer adds its own in the same dotted style.</summary>
public static class AuditActions
{
    /// <summary>The demo district, its clusters, receivers and users were created at first start.</summary>
    public const string DemoDistrictSeeded = "seed.demo-district";
}
