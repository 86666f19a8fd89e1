namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>
/// When received audio counts as the source sentence. Measured on this machine (see the test output):
/// one Opus generation of this sentence offline (ffmpeg libopus, 32 kb/s voip) keeps a whole-period
/// correlation of 0.94–0.95; through Chromium and the server the 200 ms segmental correlation is
/// lower because of Chromium's capture path and jitter-buffer time shifts. The control, the same
/// sentence reversed in time (same spectrum and level, different waveform), shows the chance level
/// of the search, so the threshold sits well between the two.
/// </summary>
internal static class SpeechMatchThresholds
{
    public const double MinimumSegmental = 0.7;

    public const double MaximumControlSegmental = 0.5;

    /// <summary>-40 dBFS: the sentence is spoken at about -20 dBFS; silence (or comfort noise) is far below.</summary>
    public const double MinimumLevel = 0.01;

    public static void AssertMatches(LoopMatch match, LoopMatch control, string where)
    {
        Assert.True(control.Segmental <= MaximumControlSegmental, $"control {control} is above {MaximumControlSegmental}: the measure does not discriminate");
        Assert.True(match.Segmental >= MinimumSegmental, $"{where}: {match}, below {MinimumSegmental} (control {control})");
    }

    public static short[] Reversed(short[] samples)
    {
        var reversed = (short[])samples.Clone();
        Array.Reverse(reversed);
        return reversed;
    }
}
