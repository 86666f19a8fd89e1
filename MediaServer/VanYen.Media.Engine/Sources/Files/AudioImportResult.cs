namespace VanYen.Media.Engine.Sources.Files;

/// <summary>What an <see cref="AudioFileImporter"/> produced.</summary>
/// <param name="OutputPath">The Ogg Opus file written.</param>
/// <param name="Duration">The audio's duration (as decoded from the input).</param>
/// <param name="LoudnessBefore">Integrated loudness of the input in LUFS (negative infinity for silence).</param>
/// <param name="LoudnessAfter">Integrated loudness of what was encoded, after gain and limiter, in LUFS.</param>
/// <param name="GainDecibels">The static gain applied before the limiter.</param>
/// <param name="PeakAfterDecibels">The sample peak of what was encoded, in dBFS.</param>
public sealed record class AudioImportResult(
    string OutputPath,
    TimeSpan Duration,
    double LoudnessBefore,
    double LoudnessAfter,
    double GainDecibels,
    double PeakAfterDecibels);
