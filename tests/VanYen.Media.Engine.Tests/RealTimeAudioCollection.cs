namespace VanYen.Media.Engine.Tests;

/// <summary>
/// Tests that judge audio paced through the real 20 ms media clock: they run after the parallel tests, alone.
/// On a 2-core CI machine, beside the rest of the suite the clock and the paced senders miss deadlines, the jitter
/// buffers conceal, and the correlation then measures the machine's load instead of the code (seen in CI: echo 0.37).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeAudioCollection
{
    public const string Name = "Real-time audio through the media clock";
}
