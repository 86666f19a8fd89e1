using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>PATCH /api/users/{id}</c>: the fields to change (omitted ones stay).</summary>
public sealed record UpdateUserRequest(string? DisplayName = null, UserRole? Role = null, long? ScopeAreaId = null);
