namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>PATCH /api/library/{id}</c>.</summary>
public sealed record RenameRequest(string Name);
