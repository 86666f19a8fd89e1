namespace VanYen.Media.Server.Api;

/// <summary>What a successful login returns (the auth cookie is set too).</summary>
/// <param name="AccessToken">Send as <c>Authorization: Bearer …</c> (or <c>?access_token=</c> on <c>/hubs/*</c>).</param>
/// <param name="TokenType">Always "Bearer".</param>
/// <param name="ExpiresIn">Seconds the token is valid.</param>
/// <param name="User">Who signed in.</param>
public sealed record LoginResponse(string AccessToken, string TokenType, long ExpiresIn, UserView User);
