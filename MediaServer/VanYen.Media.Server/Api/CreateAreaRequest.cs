namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>POST /api/areas</c>: a commune under the district or a village under a commune (the kind follows from the parent).</summary>
public sealed record CreateAreaRequest(long ParentId, string Name, bool RequiresApproval = false);
