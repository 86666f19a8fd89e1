namespace VanYen.Media.Engine.Audio.Wav;

/// <summary>Outcome of <see cref="WavHeader.Read"/>.</summary>
public enum WavHeaderStatus
{
    /// <summary>The header is complete and describes PCM or float samples this engine can read.</summary>
    Complete,

    /// <summary>The bytes so far are a valid start of a header; more are needed.</summary>
    Incomplete,

    /// <summary>Not a RIFF/WAVE header, a malformed one, or a sample format this engine does not read.</summary>
    Invalid,
}
