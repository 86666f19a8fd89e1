namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>Which voice speaks, how fast and how high: part of every cache key.</summary>
public sealed record TextToSpeechVoice
{
    /// <summary>Slowest rate accepted, in words per minute (espeak-ng's own lower limit).</summary>
    public const int MinimumRate = 80;

    /// <summary>Fastest rate accepted, in words per minute.</summary>
    public const int MaximumRate = 450;

    /// <summary>espeak-ng's default rate, in words per minute.</summary>
    public const int DefaultRate = 175;

    /// <summary>espeak-ng's default pitch (0–99).</summary>
    public const int DefaultPitch = 50;

    /// <summary>The standard Vietnamese voice, at the default rate and pitch.</summary>
    public static TextToSpeechVoice Default { get; } = new();

    /// <summary>Voice name as the engine knows it: espeak-ng's "vi", "vi-vn-x-central", "vi-vn-x-south".</summary>
    public string Name
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            field = value;
        }
    } = "vi";

    /// <summary>Speaking rate in words per minute, <see cref="MinimumRate"/> to <see cref="MaximumRate"/>.</summary>
    public int Rate
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, MinimumRate);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaximumRate);
            field = value;
        }
    } = DefaultRate;

    /// <summary>Pitch, 0 (low) to 99 (high).</summary>
    public int Pitch
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 99);
            field = value;
        }
    } = DefaultPitch;
}
