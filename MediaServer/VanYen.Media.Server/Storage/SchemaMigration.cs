namespace VanYen.Media.Server.Storage;

/// <summary>One forward-only schema change, applied once in its own transaction.</summary>
/// <param name="Version">Strictly increasing version number.</param>
/// <param name="Name">What the change is for.</param>
/// <param name="Sql">The statements to run.</param>
public sealed record SchemaMigration(int Version, string Name, string Sql);
