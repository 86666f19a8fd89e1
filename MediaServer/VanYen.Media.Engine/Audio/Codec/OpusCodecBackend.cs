namespace VanYen.Media.Engine.Audio.Codec;

/// <summary>Which implementation of Opus does the work behind an encoder or decoder.</summary>
public enum OpusCodecBackend
{
    /// <summary>The system's libopus, called through Concentus' native bindings (about 10× faster encode).</summary>
    Native,

    /// <summary>Concentus' pure C# port of libopus, used when libopus.so cannot be loaded.</summary>
    Managed,
}
