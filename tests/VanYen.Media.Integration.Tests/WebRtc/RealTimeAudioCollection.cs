namespace VanYen.Media.Integration.Tests.WebRtc;

/// <summary>
/// Tests that judge audio that went through the 20 ms media clock in this process: they run after the parallel
/// ones, alone, because beside real server processes starting up (PBKDF2 seeding, ffmpeg) on 2 cores the clock
/// misses deadlines and the correlation measures the machine's load instead of the code.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeAudioCollection
{
    public const string Name = "Real-time audio in process";
}
