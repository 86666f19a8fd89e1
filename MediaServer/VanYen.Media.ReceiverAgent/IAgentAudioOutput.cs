namespace VanYen.Media.ReceiverAgent;

/// <summary>Where the agent's audio goes: 48 kHz mono 16-bit, one 20 ms frame per call, every 20 ms (silence included).</summary>
public interface IAgentAudioOutput : IDisposable
{
    /// <summary>Writes one frame; called on the playout clock's thread.</summary>
    void Write(ReadOnlySpan<short> frame);
}
