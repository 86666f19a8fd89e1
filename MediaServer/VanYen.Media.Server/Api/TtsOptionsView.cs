namespace VanYen.Media.Server.Api;

/// <summary>What the text-to-speech accepts, for the console's form (<c>GET /api/tts/options</c>).</summary>
/// <param name="Voices">The voice names.</param>
/// <param name="DefaultVoice">The voice used when none is given.</param>
/// <param name="MinimumRate">Slowest rate, words per minute.</param>
/// <param name="MaximumRate">Fastest rate.</param>
/// <param name="DefaultRate">The rate a broadcast uses when none is given.</param>
/// <param name="MaxTextLength">Longest text, in characters.</param>
public sealed record TtsOptionsView(IReadOnlyList<string> Voices, string DefaultVoice, int MinimumRate, int MaximumRate, int DefaultRate, int MaxTextLength);
