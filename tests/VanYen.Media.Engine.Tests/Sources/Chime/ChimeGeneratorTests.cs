using VanYen.Media.Engine.Audio.Loudness;
using VanYen.Media.Engine.Sources.Chime;
using VanYen.Media.Engine.Tests.Sources.Files;

namespace VanYen.Media.Engine.Tests.Sources.Chime;

public class ChimeGeneratorTests
{
    [Fact]
    public void RenderingIsDeterministic()
    {
        Assert.Equal(ChimeGenerator.Render(), ChimeGenerator.Render());
    }

    [Fact]
    public void TheChimeLastsTwoSecondsInWholeFramesAtTheTargetLoudnessUnderTheCeiling()
    {
        short[] chime = ChimeGenerator.Render();
        Assert.Equal(100 * 960, chime.Length);
        Assert.Equal(-16.0, LoudnessAnalysis.MeasureIntegrated(chime), 0.5);
        double peak = LoudnessAnalysis.SamplePeakDecibels(chime);
        Assert.InRange(peak, -12.0, -1.0);
    }

    [Fact]
    public void TheNotesRiseInOrderAndTheEndFadesToSilence()
    {
        short[] chime = ChimeGenerator.Render();
        double[] notes = [523.25, 659.26, 783.99, 1046.50];
        for (int note = 0; note < notes.Length; note++)
        {
            // 50-300 ms into each note, that note is the strongest of the four.
            ReadOnlySpan<short> window = chime.AsSpan((int)(((note * 0.35) + 0.05) * 48000), 12000);
            double own = AudioAnalysis.RelativePower(window, notes[note]);
            foreach (double other in notes)
            {
                if (other != notes[note])
                {
                    Assert.True(own > AudioAnalysis.RelativePower(window, other), $"note {note + 1} is not the strongest in its window");
                }
            }
        }

        Assert.True(Math.Abs((int)chime[^1]) <= 2, $"last sample {chime[^1]}");
    }

    [Fact]
    public void OptionsChangeTheTargetAndTheLength()
    {
        short[] chime = ChimeGenerator.Render(new ChimeOptions { TargetLoudness = -23, Duration = TimeSpan.FromSeconds(1.5), Notes = [880, 660] });
        Assert.Equal(75 * 960, chime.Length);
        Assert.Equal(-23.0, LoudnessAnalysis.MeasureIntegrated(chime), 0.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChimeGenerator.Render(new ChimeOptions { Notes = [] }));
    }

    [Fact]
    public async Task FramesAreHandedOutUntilTheChimeEndsAndRewindPlaysItAgain()
    {
        var generator = new ChimeGenerator();
        (short[] first, int frames) = await AudioAnalysis.ReadAllAsync(generator.ReadFrameAsync);
        Assert.Equal(100, frames);
        Assert.Equal(generator.Samples.ToArray(), first);
        Assert.Equal(TimeSpan.FromSeconds(2), generator.Duration);
        generator.Rewind();
        (short[] second, _) = await AudioAnalysis.ReadAllAsync(generator.ReadFrameAsync);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task AGeneratorOverRenderedSamplesPlaysThemAndRejectsPartialFrames()
    {
        short[] rendered = ChimeGenerator.Render(new ChimeOptions { Duration = TimeSpan.FromSeconds(1) });
        var generator = ChimeGenerator.FromRendered(rendered);
        (short[] played, int frames) = await AudioAnalysis.ReadAllAsync(generator.ReadFrameAsync);
        Assert.Equal(50, frames);
        Assert.Equal(rendered, played);
        Assert.Throws<ArgumentException>(() => ChimeGenerator.FromRendered(new short[1000]));
    }
}
