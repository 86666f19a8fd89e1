namespace VanYen.Media.Server.Meetings;

/// <summary>A meeting was created: its links. Share <see cref="JoinLink"/>; keep <see cref="ChairLink"/> to yourself.</summary>
/// <param name="Id">The meeting's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="JoinLink">The link for participants (<c>/meet/{id}?t=…</c>): they wait in the lobby.</param>
/// <param name="JoinToken">The token of <see cref="JoinLink"/>.</param>
/// <param name="ChairLink">The chair's link (joins as chair without signing in on another device).</param>
/// <param name="ChairToken">The token of <see cref="ChairLink"/>.</param>
public sealed record MeetingCreated(string Id, string Title, string JoinLink, string JoinToken, string ChairLink, string ChairToken);
