namespace VanYen.Media.Engine.Audio.Levels;

/// <summary>
/// An RFC 6464 audio level: <see cref="Level"/> is -dBov from 0 (loudest, the
/// overload point) to 127 (-127 dBov, digital silence), and <see cref="Voice"/>
/// is the sender's voice-activity flag (the V bit).
/// </summary>
public readonly struct AudioLevel : IEquatable<AudioLevel>
{
    /// <summary>Largest (quietest) level: -127 dBov, used for digital silence (RFC 6464 §3).</summary>
    public const byte MaximumLevel = 127;

    /// <summary>Creates a level; <paramref name="level"/> is -dBov, 0 to 127.</summary>
    public AudioLevel(byte level, bool voice)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaximumLevel);
        Level = level;
        Voice = voice;
    }

    /// <summary>Digital silence without voice activity.</summary>
    public static AudioLevel Silence => new(MaximumLevel, false);

    /// <summary>-dBov, 0 (loudest) to 127 (silence).</summary>
    public byte Level { get; }

    /// <summary>The V flag: the sender's voice activity detector heard voice.</summary>
    public bool Voice { get; }

    /// <summary>The level in dBov, 0 to -127.</summary>
    public int Dbov => -Level;

    public static bool operator ==(AudioLevel left, AudioLevel right) => left.Equals(right);

    public static bool operator !=(AudioLevel left, AudioLevel right) => !left.Equals(right);

    public bool Equals(AudioLevel other) => Level == other.Level && Voice == other.Voice;

    public override bool Equals(object? obj) => obj is AudioLevel other && Equals(other);

    public override int GetHashCode() => (Voice ? 0x80 : 0) | Level;

    public override string ToString() => $"{Dbov} dBov{(Voice ? " voice" : string.Empty)}";
}
