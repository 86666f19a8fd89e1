namespace VanYen.Media.Server.Meetings;

/// <summary>A recording of a meeting's mix (Ogg Opus).</summary>
/// <param name="File">Its file name.</param>
/// <param name="Bytes">Its size now.</param>
/// <param name="Modified">When it was last written.</param>
/// <param name="Link">The download address (chair only).</param>
/// <param name="Running">Still being recorded.</param>
public sealed record MeetingRecordingView(string File, long Bytes, DateTimeOffset Modified, string Link, bool Running);
