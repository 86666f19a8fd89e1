namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>POST /api/tts/preview</c>.</summary>
/// <param name="Text">Vietnamese text, 1 to <c>BroadcastLimits.MaxTextLength</c> characters.</param>
/// <param name="Voice"><c>vi</c> (default), <c>vi-vn-x-central</c> or <c>vi-vn-x-south</c>.</param>
/// <param name="Rate">Words per minute, 80–450 (default 175).</param>
/// <param name="Pitch">0–99 (default 50).</param>
public sealed record TtsPreviewRequest(string Text, string? Voice = null, int? Rate = null, int? Pitch = null);
