namespace VanYen.Media.Server.Meetings;

/// <summary>A meeting the caller chaired that has recordings on disk, open, ended or from before a restart.</summary>
/// <param name="MeetingId">The meeting.</param>
/// <param name="Title">Its title.</param>
/// <param name="Created">When it was created.</param>
/// <param name="Open">Still open on this server (its page still works).</param>
/// <param name="Recordings">Its recordings, oldest first.</param>
public sealed record MeetingArchiveView(string MeetingId, string Title, DateTimeOffset Created, bool Open, IReadOnlyList<MeetingRecordingView> Recordings);
