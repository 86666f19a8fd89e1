namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>PATCH /api/areas/{id}</c>: the fields to change (omitted ones stay).</summary>
public sealed record UpdateAreaRequest(string? Name = null, bool? RequiresApproval = null);
