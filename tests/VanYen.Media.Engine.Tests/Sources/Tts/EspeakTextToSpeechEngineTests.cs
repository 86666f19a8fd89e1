using VanYen.Media.Engine.Sources.Tts;

namespace VanYen.Media.Engine.Tests.Sources.Tts;

public class EspeakTextToSpeechEngineTests
{
    private const string Sentence = "Ủy ban nhân dân xã thông báo lịch tiêm phòng cho đàn gia súc.";

    private readonly EspeakTextToSpeechEngine _engine = new();

    [Fact]
    public async Task RendersAudibleSpeechOfPlausibleDurationAt48Kilohertz()
    {
        using SynthesizedSpeech speech = await _engine.SynthesizeAsync(Sentence, TextToSpeechVoice.Default, CancellationToken.None);

        // 15 syllables at 175 words per minute, plus espeak-ng's closing pause: a few seconds.
        Assert.InRange(speech.Duration.TotalSeconds, 2.0, 8.0);
        Assert.Equal(speech.Length / 48_000.0, speech.Duration.TotalSeconds, 6);
        Assert.True(SpeechAnalysis.Rms(speech.Samples.Span) > 500, $"rms {SpeechAnalysis.Rms(speech.Samples.Span):F0}");
        Assert.Equal(1, _engine.ProcessStartCount);
    }

    [Fact]
    public async Task TheResampledLengthMatchesEspeaksOwn22050HertzOutput()
    {
        // The same sentence through the espeak-ng command line, straight to a WAV file.
        string path = Path.Combine(Path.GetTempPath(), "vanyen-tts-" + Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            using var process = System.Diagnostics.Process.Start("espeak-ng", ["-b", "1", "-v", "vi", "-s", "175", "-p", "50", "-w", path, Sentence])!;
            await process.WaitForExitAsync();
            byte[] file = await File.ReadAllBytesAsync(path);
            Assert.True(VanYen.Media.Engine.Audio.Wav.WavHeader.TryParse(file, out var header));
            Assert.Equal(22_050, header.SampleRate);
            long sourceSamples = (file.Length - header.DataOffset) / 2;

            using SynthesizedSpeech speech = await _engine.SynthesizeAsync(Sentence, TextToSpeechVoice.Default, CancellationToken.None);

            Assert.Equal(Math.Round(sourceSamples * 48_000 / 22_050.0), speech.Length, 1.0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task VoicesSoundDifferent()
    {
        using SynthesizedSpeech north = await _engine.SynthesizeAsync(Sentence, TextToSpeechVoice.Default, CancellationToken.None);
        using SynthesizedSpeech south = await _engine.SynthesizeAsync(Sentence, new TextToSpeechVoice { Name = "vi-vn-x-south" }, CancellationToken.None);
        using SynthesizedSpeech central = await _engine.SynthesizeAsync(Sentence, new TextToSpeechVoice { Name = "vi-vn-x-central" }, CancellationToken.None);

        Assert.False(north.Samples.Span.SequenceEqual(south.Samples.Span));
        Assert.False(north.Samples.Span.SequenceEqual(central.Samples.Span));
        Assert.False(south.Samples.Span.SequenceEqual(central.Samples.Span));
    }

    [Fact]
    public async Task AFasterRateGivesShorterSpeech()
    {
        using SynthesizedSpeech slow = await _engine.SynthesizeAsync(Sentence, new TextToSpeechVoice { Rate = 120 }, CancellationToken.None);
        using SynthesizedSpeech fast = await _engine.SynthesizeAsync(Sentence, new TextToSpeechVoice { Rate = 300 }, CancellationToken.None);

        Assert.True(fast.Length < slow.Length * 0.7, $"fast {fast.Duration.TotalSeconds:F2} s, slow {slow.Duration.TotalSeconds:F2} s");
    }

    [Fact]
    public async Task PitchChangesTheAudio()
    {
        using SynthesizedSpeech low = await _engine.SynthesizeAsync(Sentence, new TextToSpeechVoice { Pitch = 10 }, CancellationToken.None);
        using SynthesizedSpeech high = await _engine.SynthesizeAsync(Sentence, new TextToSpeechVoice { Pitch = 90 }, CancellationToken.None);

        Assert.False(low.Samples.Span.SequenceEqual(high.Samples.Span));
    }

    [Fact]
    public async Task ListsTheVietnameseVoices()
    {
        HashSet<string> voices = await _engine.GetInstalledVoicesAsync();
        Assert.Superset(new HashSet<string>(EspeakTextToSpeechEngine.VietnameseVoices), voices);
    }

    [Fact]
    public async Task AVoiceVariantIsAccepted()
    {
        using SynthesizedSpeech speech = await _engine.SynthesizeAsync("xin chào", new TextToSpeechVoice { Name = "vi+f3" }, CancellationToken.None);
        Assert.True(speech.Length > 0);
    }

    [Fact]
    public async Task AnUnknownVoiceFailsWithAClearMessage()
    {
        var exception = await Assert.ThrowsAsync<TextToSpeechException>(
            () => _engine.SynthesizeAsync(Sentence, new TextToSpeechVoice { Name = "vi-vn-x-nowhere" }, CancellationToken.None));

        Assert.Contains("no voice 'vi-vn-x-nowhere'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("vi-vn-x-south", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, _engine.ProcessStartCount);
    }

    [Fact]
    public async Task AMissingExecutableFailsWithAClearMessage()
    {
        var engine = new EspeakTextToSpeechEngine("/nonexistent/espeak-ng");
        var exception = await Assert.ThrowsAsync<TextToSpeechException>(
            () => engine.SynthesizeAsync(Sentence, TextToSpeechVoice.Default, CancellationToken.None));

        Assert.Contains("/nonexistent/espeak-ng", exception.Message, StringComparison.Ordinal);
        Assert.Contains("install espeak-ng", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, engine.ProcessStartCount);
    }

    [Fact]
    public async Task AProcessThatFailsIsReportedWithItsExitCodeAndMessage()
    {
        string script = CreateStandIn("echo 'synthesis blew up' >&2\nexit 3");
        try
        {
            var engine = new EspeakTextToSpeechEngine(script);
            var exception = await Assert.ThrowsAsync<TextToSpeechException>(
                () => engine.SynthesizeAsync(Sentence, TextToSpeechVoice.Default, CancellationToken.None));

            Assert.Contains("exit code 3", exception.Message, StringComparison.Ordinal);
            Assert.Contains("synthesis blew up", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task AProcessThatWritesNoWavIsReported()
    {
        string script = CreateStandIn("echo 'not a wav at all'");
        try
        {
            var engine = new EspeakTextToSpeechEngine(script);
            var exception = await Assert.ThrowsAsync<TextToSpeechException>(
                () => engine.SynthesizeAsync(Sentence, TextToSpeechVoice.Default, CancellationToken.None));

            Assert.Contains("not a WAV stream", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task CancellationStopsTheSynthesis()
    {
        string longText = string.Join(", ", Enumerable.Repeat("bà con trong thôn chú ý lắng nghe thông báo", 200));
        using var cancellation = new CancellationTokenSource();
        Task<SynthesizedSpeech> rendering = _engine.SynthesizeAsync(longText, TextToSpeechVoice.Default, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rendering);
    }

    [Fact]
    public async Task BlankTextRendersNothingWithoutAProcess()
    {
        using SynthesizedSpeech speech = await _engine.SynthesizeAsync("  ", TextToSpeechVoice.Default, CancellationToken.None);
        Assert.Equal(0, speech.Length);
        Assert.Equal(0, _engine.ProcessStartCount);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("vi vn")]
    [InlineData("vi;rm")]
    public async Task VoiceNamesThatAreNotNamesAreRefused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _engine.SynthesizeAsync(Sentence, new TextToSpeechVoice { Name = name }, CancellationToken.None));
    }

    // A stand-in for espeak-ng that lists one voice, reads the text, then runs synthesisScript.
    private static string CreateStandIn(string synthesisScript)
    {
        string script = Path.Combine(Path.GetTempPath(), "vanyen-espeak-stand-in-" + Guid.NewGuid().ToString("N") + ".sh");
        File.WriteAllText(script, "#!/bin/sh\nif [ \"$1\" = \"--voices\" ]; then\n echo 'Pty Language Age/Gender VoiceName File Other Languages'\n echo ' 5  vi  --/M  Vietnamese_(Northern) aav/vi'\n exit 0\nfi\ncat >/dev/null\n" + synthesisScript + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
