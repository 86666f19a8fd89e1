namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>PUT /api/tts/abbreviations/{abbreviation}</c>: what to say instead.</summary>
public sealed record AbbreviationRequest(string Expansion);
