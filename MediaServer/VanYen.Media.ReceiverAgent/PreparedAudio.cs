using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.ReceiverAgent;

/// <summary>A downloaded, verified and decoded prepared program waiting for (or at) its start time.</summary>
internal sealed class PreparedAudio(PreparedProgram program, short[] pcm)
{
    public PreparedProgram Program { get; } = program;

    public short[] Pcm { get; } = pcm;

    /// <summary>Next sample to play; -1 before it started.</summary>
    public int Position { get; set; } = -1;

    public bool Finished { get; set; }
}
