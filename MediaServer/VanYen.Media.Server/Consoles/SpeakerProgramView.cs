using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Server.Broadcasting;

namespace VanYen.Media.Server.Consoles;

/// <summary>The broadcast a speaker's cluster plays now.</summary>
/// <param name="Id">The broadcast's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="SourceKind">Live, TTS, file, relay…</param>
/// <param name="Priority">Emergency, live, priority, normal…</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record SpeakerProgramView(string Id, string Title, BroadcastSourceKind SourceKind, ProgramPriority Priority, string CreatedBy, DateTimeOffset CreatedAt);
