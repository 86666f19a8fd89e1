namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>
/// When received audio counts as the source sentence, by the 200 ms segmental correlation of
/// <see cref="LoopCorrelation.Measure"/>. Figures measured here (2 shared cores, load average up to 30):
/// one Opus generation offline (ffmpeg libopus 32 kb/s voip) keeps 0.94–0.95 over a whole period;
/// the relay listener's recording (Chromium encodes, the server forwards, Chromium decodes) scores
/// 0.91–0.93; the echo session as decoded by the server 0.94 at load 7–15 and 0.66 at load 30 (most
/// 200 ms windows 0.9–0.97, a few concealed ones 0.2–0.6). The control, the same sentence reversed in
/// time (same spectrum and level, different waveform), scores 0.21–0.30: chance level for this search.
/// The control's bound only checks that the measure discriminates; 0.5 sits well above chance and
/// below the worst real figure.
/// </summary>
internal static class SpeechMatchThresholds
{
    public const double MinimumSegmental = 0.5;

    public const double MaximumControlSegmental = 0.4;

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
