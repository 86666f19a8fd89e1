using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>POST /api/users</c>. Without a password, one is generated and returned once.</summary>
public sealed record CreateUserRequest(string Username, string DisplayName, UserRole Role, long ScopeAreaId, string? Password = null);
