namespace VanYen.Media.Server.Auth;

/// <summary>One open hub connection of a signed-in person, as <see cref="UserConnections"/> keeps it.</summary>
/// <param name="UserId">Who signed in.</param>
/// <param name="Stamp">The sign-in's <see cref="UserClaims.Stamp"/> (password, role and scope when it was made).</param>
/// <param name="SessionId">The sign-in's <see cref="UserClaims.Session"/>, ended by its logout.</param>
/// <param name="Abort">Closes the connection.</param>
internal sealed record UserConnection(long UserId, string? Stamp, string? SessionId, Action Abort);
