namespace VanYen.Media.Server.Library;

/// <summary>An audio file in the library, stored as loudness-normalized Ogg Opus.</summary>
public sealed record LibraryItem(long Id, long AreaId, string Name, string OriginalFormat, TimeSpan Duration, double IntegratedLoudness, long SizeBytes, long CreatedByUserId, DateTimeOffset CreatedAt);
