using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Loudness;

namespace VanYen.Media.Engine.Sources.Files;

/// <summary>Settings of an <see cref="AudioFileImporter"/>.</summary>
public sealed record class AudioImportOptions
{
    /// <summary>The integrated loudness the library file is brought to, in LUFS.</summary>
    public double TargetLoudness { get; init; } = -16;

    /// <summary>The most a quiet file is boosted, in dB (a near-silent recording is not blown up into noise).</summary>
    public double MaximumGainDecibels { get; init; } = 20;

    /// <summary>The most a loud file is attenuated, as a negative dB value.</summary>
    public double MinimumGainDecibels { get; init; } = -40;

    /// <summary>The Opus bit rate in bits per second; 32 kbit/s suits speech and is fair for music on loudspeakers.</summary>
    public int Bitrate { get; init; } = 32000;

    /// <summary>What the Opus encoder tunes itself for: Audio keeps music as well as speech.</summary>
    public OpusEncoderApplication Application { get; init; } = OpusEncoderApplication.Audio;

    /// <summary>The peak limiter after the gain.</summary>
    public LimiterOptions Limiter { get; init; } = new();

    /// <summary>How the input is decoded.</summary>
    public FfmpegAudioDecoderOptions Decoder { get; init; } = new();

    /// <summary>Where the decoded PCM waits between the measuring and the encoding pass; null for the output file's folder.</summary>
    public string? TemporaryDirectory { get; init; }
}
