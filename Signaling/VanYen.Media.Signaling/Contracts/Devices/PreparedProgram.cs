namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>A bulletin pushed ahead of its air time (store and forward): the device downloads it and plays it at <see cref="StartAt"/>, network or not.</summary>
/// <param name="ProgramId">The program.</param>
/// <param name="Title">Display title.</param>
/// <param name="DownloadUrl">Where to fetch the Ogg Opus file with the device token; relative to the server's base URL.</param>
/// <param name="StartAt">When to start playing, in server time.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file, to check the download.</param>
/// <param name="DurationMs">Playing time in milliseconds.</param>
public sealed record PreparedProgram(string ProgramId, string Title, string DownloadUrl, DateTimeOffset StartAt, string Sha256, long DurationMs);
