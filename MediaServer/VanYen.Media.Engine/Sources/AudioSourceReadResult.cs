namespace VanYen.Media.Engine.Sources;

/// <summary>What <see cref="IAudioSource.ReadFrameAsync"/> produced.</summary>
public enum AudioSourceReadResult
{
    /// <summary>A full 20 ms frame was written.</summary>
    Frame,

    /// <summary>The source has nothing more to play; nothing was written.</summary>
    EndOfStream,
}
