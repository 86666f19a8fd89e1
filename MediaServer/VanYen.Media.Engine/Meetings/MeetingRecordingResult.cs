namespace VanYen.Media.Engine.Meetings;

/// <summary>A finished recording of a meeting's mix.</summary>
/// <param name="FilePath">The Ogg Opus file.</param>
/// <param name="Duration">How long it plays.</param>
/// <param name="Bytes">The file's size.</param>
public sealed record MeetingRecordingResult(string FilePath, TimeSpan Duration, long Bytes);
