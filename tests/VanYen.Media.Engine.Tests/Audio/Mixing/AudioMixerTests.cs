using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Audio.Mixing;
using VanYen.Media.Engine.Tests.Testing;
using static VanYen.Media.Engine.Tests.Audio.PcmTestSignals;

namespace VanYen.Media.Engine.Tests.Audio.Mixing;

public sealed class AudioMixerTests
{
    private const int Frame = PcmFrame.SamplesPerFrame;
    private const byte Silent = 127;

    // Well above a noise floor of ~0.03 for 960 uncorrelated samples, well below the ~0.58 of one of three equal sources.
    private const double Absent = 0.15;
    private const double Present = 0.4;

    private static readonly short[][] Sources =
    [
        Noise(seed: 1, amplitude: 8000, Frame),
        Noise(seed: 2, amplitude: 8000, Frame),
        Noise(seed: 3, amplitude: 8000, Frame),
        Noise(seed: 4, amplitude: 8000, Frame),
        Noise(seed: 5, amplitude: 8000, Frame),
    ];

    /// <summary>One clock tick: report every input's level, select, submit the frames asked for, mix.</summary>
    private static void RunTick(AudioMixer mixer, int[] inputs, byte[] levels)
    {
        for (int i = 0; i < inputs.Length; i++)
        {
            mixer.ReportLevel(inputs[i], levels[i], voice: levels[i] != Silent);
        }

        mixer.SelectTalkers();
        foreach (int input in mixer.InputsToDecode)
        {
            mixer.SubmitFrame(input, Sources[Array.IndexOf(inputs, input) % Sources.Length]);
        }

        mixer.Mix();
    }

    private static int[] AddInputs(AudioMixer mixer, int count)
    {
        var inputs = new int[count];
        for (int i = 0; i < count; i++)
        {
            inputs[i] = mixer.AddInput();
        }

        return inputs;
    }

    [Fact]
    public void EachTalkerMixMinusContainsTheOtherTwoAndNotItself()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 3);

        RunTick(mixer, inputs, [20, 25, 30]);

        for (int own = 0; own < 3; own++)
        {
            ReadOnlySpan<short> mixMinus = mixer.MixMinus(inputs[own]);
            for (int other = 0; other < 3; other++)
            {
                double correlation = NormalizedCorrelation(mixMinus, Sources[other]);
                if (other == own)
                {
                    Assert.InRange(correlation, -Absent, Absent);
                }
                else
                {
                    Assert.InRange(correlation, Present, 1.0);
                }
            }
        }
    }

    [Fact]
    public void MixMinusIsExactlyTheSumOfTheOtherTalkers()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 3);

        RunTick(mixer, inputs, [20, 25, 30]);

        ReadOnlySpan<short> mixMinus = mixer.MixMinus(inputs[0]);
        for (int i = 0; i < Frame; i++)
        {
            Assert.Equal((short)(Sources[1][i] + Sources[2][i]), mixMinus[i]);
        }
    }

    [Fact]
    public void ListenerMixContainsAllThreeTalkers()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 4);

        RunTick(mixer, inputs, [20, 25, 30, Silent]);

        Assert.False(mixer.IsTalker(inputs[3]));
        for (int source = 0; source < 3; source++)
        {
            Assert.InRange(NormalizedCorrelation(mixer.ListenerMix, Sources[source]), Present, 1.0);
        }

        Assert.Equal(mixer.ListenerMix.ToArray(), mixer.MixMinus(inputs[3]).ToArray());
    }

    [Fact]
    public void QuieterFourthTalkerIsLeftOutWhenThereAreThreeSeats()
    {
        var mixer = new AudioMixer(new AudioMixerOptions { MaxTalkers = 3 });
        int[] inputs = AddInputs(mixer, 4);

        RunTick(mixer, inputs, [20, 25, 30, 45]);

        Assert.Equal(3, mixer.Talkers.Length);
        Assert.False(mixer.IsTalker(inputs[3]));
        Assert.DoesNotContain(inputs[3], mixer.InputsToDecode.ToArray());
        Assert.InRange(NormalizedCorrelation(mixer.ListenerMix, Sources[3]), -Absent, Absent);
        for (int own = 0; own < 3; own++)
        {
            Assert.InRange(NormalizedCorrelation(mixer.MixMinus(inputs[own]), Sources[3]), -Absent, Absent);
        }
    }

    [Fact]
    public void SilentInputsAreNeverAskedToBeDecoded()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 6);

        RunTick(mixer, inputs, [20, Silent, Silent, 100, Silent, Silent]);

        Assert.Equal([inputs[0]], mixer.InputsToDecode.ToArray());
        Assert.Equal([inputs[0]], mixer.Talkers.ToArray());
    }

    [Fact]
    public void InputWithoutReportedLevelIsDecodedAndRankedByItsFrameEnergy()
    {
        var mixer = new AudioMixer();
        int reporting = mixer.AddInput();
        int unreported = mixer.AddInput();

        mixer.ReportLevel(reporting, Silent, voice: false);
        Assert.Empty(mixer.SelectTalkers().ToArray());
        Assert.Equal([unreported], mixer.InputsToDecode.ToArray());
        mixer.SubmitFrame(unreported, Sources[1]);
        mixer.Mix();

        mixer.ReportLevel(reporting, Silent, voice: false);
        Assert.Equal([unreported], mixer.SelectTalkers().ToArray());
        Assert.Equal([unreported], mixer.InputsToDecode.ToArray());
    }

    [Fact]
    public void HangoverKeepsTalkerThroughShortPauseAndDropsItAfter()
    {
        var mixer = new AudioMixer(new AudioMixerOptions { MaxTalkers = 3, HangoverFrames = 15 });
        int[] inputs = AddInputs(mixer, 4);
        RunTick(mixer, inputs, [20, 25, 30, Silent]);
        Assert.True(mixer.IsTalker(inputs[2]));

        // Talker 2 pauses while a quieter fourth input speaks: 15 quiet frames keep its seat.
        for (int quietFrame = 1; quietFrame <= 15; quietFrame++)
        {
            RunTick(mixer, inputs, [20, 25, Silent, 45]);
            Assert.True(mixer.IsTalker(inputs[2]), $"quiet frame {quietFrame}");
            Assert.False(mixer.IsTalker(inputs[3]));
        }

        RunTick(mixer, inputs, [20, 25, Silent, 45]);
        Assert.False(mixer.IsTalker(inputs[2]));
        Assert.True(mixer.IsTalker(inputs[3]));
    }

    [Fact]
    public void TalkerWhoResumesWithinTheHangoverKeepsItsSeat()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 4);
        RunTick(mixer, inputs, [20, 25, 30, Silent]);
        long changes = mixer.TalkerChanges;

        for (int tick = 0; tick < 40; tick++)
        {
            // Speech with gaps: talker 1 is silent two frames in three.
            byte level = tick % 3 == 0 ? (byte)25 : Silent;
            RunTick(mixer, inputs, [20, level, 30, 50]);
            Assert.True(mixer.IsTalker(inputs[1]));
        }

        Assert.Equal(changes, mixer.TalkerChanges);
    }

    [Fact]
    public void LouderNewcomerDisplacesTheQuietestTalker()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 4);
        RunTick(mixer, inputs, [20, 25, 40, Silent]);

        RunTick(mixer, inputs, [20, 25, 40, 10]);

        Assert.True(mixer.IsTalker(inputs[3]));
        Assert.False(mixer.IsTalker(inputs[2]));
        Assert.True(mixer.IsTalker(inputs[0]));
        Assert.True(mixer.IsTalker(inputs[1]));
        Assert.InRange(NormalizedCorrelation(mixer.ListenerMix, Sources[3]), Present, 1.0);
        Assert.InRange(NormalizedCorrelation(mixer.ListenerMix, Sources[2]), -Absent, Absent);
    }

    [Fact]
    public void NewcomerWithinTheDisplacementMarginDoesNotTakeASeat()
    {
        var mixer = new AudioMixer(new AudioMixerOptions { DisplacementMarginDb = 3 });
        int[] inputs = AddInputs(mixer, 4);
        RunTick(mixer, inputs, [20, 25, 40, Silent]);

        RunTick(mixer, inputs, [20, 25, 40, 38]);

        Assert.True(mixer.IsTalker(inputs[2]));
        Assert.False(mixer.IsTalker(inputs[3]));
    }

    [Fact]
    public void MutedInputIsNeverATalkerAndContributesNothing()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 3);
        mixer.SetMuted(inputs[1], true);

        RunTick(mixer, inputs, [20, 10, 30]);

        Assert.False(mixer.IsTalker(inputs[1]));
        Assert.InRange(NormalizedCorrelation(mixer.ListenerMix, Sources[1]), -Absent, Absent);

        mixer.SetMuted(inputs[1], false);
        RunTick(mixer, inputs, [20, 10, 30]);
        Assert.True(mixer.IsTalker(inputs[1]));
    }

    [Fact]
    public void TalkerMutedAfterSelectionContributesNothingToTheMix()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 3);
        for (int i = 0; i < 3; i++)
        {
            mixer.ReportLevel(inputs[i], 20, voice: true);
        }

        mixer.SelectTalkers();
        mixer.SetVolume(inputs[0], 0f);
        for (int i = 0; i < 3; i++)
        {
            mixer.SubmitFrame(inputs[i], Sources[i]);
        }

        mixer.Mix();

        Assert.InRange(NormalizedCorrelation(mixer.ListenerMix, Sources[0]), -Absent, Absent);
        Assert.InRange(NormalizedCorrelation(mixer.MixMinus(inputs[1]), Sources[0]), -Absent, Absent);
        Assert.InRange(NormalizedCorrelation(mixer.MixMinus(inputs[1]), Sources[2]), 0.9, 1.0);
    }

    [Fact]
    public void VolumeScalesTheContribution()
    {
        var mixer = new AudioMixer();
        int input = mixer.AddInput();
        mixer.SetVolume(input, 0.5f);

        RunTick(mixer, [input], [20]);

        for (int i = 0; i < Frame; i++)
        {
            Assert.Equal((short)(Sources[0][i] >> 1), mixer.ListenerMix[i]);
        }
    }

    [Fact]
    public void SaturationClampsInsteadOfWrapping()
    {
        var mixer = new AudioMixer();
        int first = mixer.AddInput();
        int second = mixer.AddInput();
        short[] square = Square(short.MaxValue, halfPeriod: 24, Frame);
        short[] negativeFullScale = new short[Frame];
        Array.Fill(negativeFullScale, short.MinValue);

        mixer.ReportLevel(first, 0, voice: true);
        mixer.ReportLevel(second, 0, voice: true);
        mixer.SelectTalkers();
        mixer.SubmitFrame(first, square);
        mixer.SubmitFrame(second, square);
        mixer.Mix();

        for (int i = 0; i < Frame; i++)
        {
            // ±32767 + ±32767 = ±65534 would wrap to -2 / +2 in 16 bits.
            Assert.Equal(square[i] > 0 ? short.MaxValue : short.MinValue, mixer.ListenerMix[i]);
            Assert.Equal(square[i], mixer.MixMinus(first)[i]);
            Assert.Equal(square[i], mixer.MixMinus(second)[i]);
        }

        mixer.ReportLevel(first, 0, voice: true);
        mixer.ReportLevel(second, 0, voice: true);
        mixer.SelectTalkers();
        mixer.SubmitFrame(first, negativeFullScale);
        mixer.SubmitFrame(second, negativeFullScale);
        mixer.Mix();

        Assert.All(mixer.ListenerMix.ToArray(), sample => Assert.Equal(short.MinValue, sample));
        Assert.All(mixer.MixMinus(first).ToArray(), sample => Assert.Equal(short.MinValue, sample));
    }

    [Fact]
    public void MissingTalkerFrameIsMixedAsSilenceAndCounted()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 2);
        mixer.ReportLevel(inputs[0], 20, voice: true);
        mixer.ReportLevel(inputs[1], 20, voice: true);
        mixer.SelectTalkers();
        mixer.SubmitFrame(inputs[0], Sources[0]);
        mixer.Mix();

        Assert.Equal(1, mixer.MissingTalkerFrames);
        Assert.Equal(Sources[0], mixer.ListenerMix.ToArray());
        Assert.Equal(Sources[0], mixer.MixMinus(inputs[1]).ToArray());
        Assert.All(mixer.MixMinus(inputs[0]).ToArray(), sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void ListenerMixIsSilentWhenNobodyTalks()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 3);
        RunTick(mixer, inputs, [20, 25, 30]);

        RunTick(mixer, inputs, [Silent, Silent, Silent]);
        Assert.Equal(3, mixer.Talkers.Length);
        for (int tick = 0; tick < 15; tick++)
        {
            RunTick(mixer, inputs, [Silent, Silent, Silent]);
        }

        Assert.Empty(mixer.Talkers.ToArray());
        Assert.All(mixer.ListenerMix.ToArray(), sample => Assert.Equal(0, sample));
    }

    [Fact]
    public void StaleReportedLevelExpiresAfterItsLifetime()
    {
        var mixer = new AudioMixer(new AudioMixerOptions { LevelLifetimeFrames = 3, HangoverFrames = 0 });
        int input = mixer.AddInput();
        mixer.ReportLevel(input, 20, voice: true);

        for (int tick = 0; tick < 3; tick++)
        {
            Assert.Equal([input], mixer.SelectTalkers().ToArray());
            mixer.SubmitFrame(input, new short[Frame]);
            mixer.Mix();
        }

        // The frames submitted were silent, so the energy fallback does not keep it either.
        Assert.Empty(mixer.SelectTalkers().ToArray());
    }

    [Fact]
    public void VoiceFlagOptionTreatsUnvoicedReportsAsSilence()
    {
        var mixer = new AudioMixer(new AudioMixerOptions { UseVoiceActivityFlag = true });
        int voiced = mixer.AddInput();
        int unvoiced = mixer.AddInput();
        mixer.ReportLevel(voiced, 30, voice: true);
        mixer.ReportLevel(unvoiced, 10, voice: false);

        Assert.Equal([voiced], mixer.SelectTalkers().ToArray());
    }

    [Fact]
    public void RemovingATalkerFreesItsSeatAndItsIdIsReused()
    {
        var mixer = new AudioMixer(new AudioMixerOptions { MaxTalkers = 1 });
        int[] inputs = AddInputs(mixer, 2);
        RunTick(mixer, inputs, [20, 30]);
        Assert.True(mixer.IsTalker(inputs[0]));

        mixer.RemoveInput(inputs[0]);
        Assert.False(mixer.ContainsInput(inputs[0]));
        Assert.Equal(1, mixer.InputCount);
        mixer.ReportLevel(inputs[1], 30, voice: true);
        Assert.Equal([inputs[1]], mixer.SelectTalkers().ToArray());

        int reused = mixer.AddInput();
        Assert.Equal(inputs[0], reused);
        Assert.False(mixer.IsTalker(reused));
        Assert.Equal(1f, mixer.GetVolume(reused));
        Assert.False(mixer.IsMuted(reused));
    }

    [Fact]
    public void MixerGrowsBeyondItsInitialCapacity()
    {
        var mixer = new AudioMixer(new AudioMixerOptions { InitialInputCapacity = 2 });
        int[] inputs = AddInputs(mixer, 5);
        var levels = new byte[] { Silent, Silent, Silent, Silent, 10 };

        RunTick(mixer, inputs, levels);

        Assert.Equal([inputs[4]], mixer.Talkers.ToArray());
        Assert.Equal(Sources[4], mixer.ListenerMix.ToArray());
    }

    [Fact]
    public void CountersCountMixedFramesAndTalkerChanges()
    {
        var mixer = new AudioMixer(new AudioMixerOptions { HangoverFrames = 0 });
        int[] inputs = AddInputs(mixer, 2);

        RunTick(mixer, inputs, [20, Silent]);
        RunTick(mixer, inputs, [Silent, 20]);

        Assert.Equal(2, mixer.FramesMixed);
        Assert.Equal(2, mixer.Tick);
        Assert.Equal(3, mixer.TalkerChanges);
    }

    [Fact]
    public void UnknownInputIdIsRejected()
    {
        var mixer = new AudioMixer();
        int input = mixer.AddInput();
        mixer.RemoveInput(input);

        Assert.Throws<ArgumentOutOfRangeException>(() => mixer.ReportLevel(input, 20, voice: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => mixer.MixMinus(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => mixer.SubmitFrame(99, Sources[0]));
    }

    [Fact]
    public void TickAllocatesNothingWithTenInputs()
    {
        var mixer = new AudioMixer();
        int[] inputs = AddInputs(mixer, 10);
        var levels = new byte[] { 20, Silent, 25, 60, Silent, 30, 70, Silent, 35, 80 };
        int tick = 0;
        long checksum = 0;

        AllocationBudget.AssertZero(() =>
        {
            tick++;
            for (int i = 0; i < inputs.Length; i++)
            {
                // Talkers come and go so seats change during the measurement.
                byte level = (tick / 40 + i) % 4 == 0 ? Silent : levels[i];
                mixer.ReportLevel(inputs[i], level, voice: true);
            }

            mixer.SelectTalkers();
            foreach (int input in mixer.InputsToDecode)
            {
                mixer.SubmitFrame(input, Sources[input % Sources.Length]);
            }

            mixer.Mix();
            checksum += mixer.ListenerMix[0];
            foreach (int talker in mixer.Talkers)
            {
                checksum += mixer.MixMinus(talker)[0];
            }
        });

        Assert.True(mixer.TalkerChanges > 3, "seats changed while measuring");
        Assert.NotEqual(long.MinValue, checksum);
    }
}
