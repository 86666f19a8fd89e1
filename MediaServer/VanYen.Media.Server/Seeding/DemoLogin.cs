using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Seeding;

/// <summary>A seeded user with the password generated for them (shown once, never stored in clear in the database).</summary>
public sealed record DemoLogin(string Username, UserRole Role, string ScopeName, string Password);
