namespace VanYen.Media.Server.Domain;

/// <summary>An abbreviation the text-to-speech front end reads out in full ("UBND" → "Ủy ban nhân dân").</summary>
/// <param name="Abbreviation">The written form, matched case-sensitively.</param>
/// <param name="Expansion">What to say instead.</param>
public sealed record TtsAbbreviation(string Abbreviation, string Expansion);
