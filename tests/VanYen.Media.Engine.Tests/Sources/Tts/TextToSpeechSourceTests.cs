using System.Diagnostics;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Engine.Tests.Testing;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Sources.Tts;

public class TextToSpeechSourceTests(ITestOutputHelper output)
{
    private const int FrameLength = 960;

    private static readonly string[] BulletinSentences =
    [
        "Ủy ban nhân dân xã thông báo lịch tiêm phòng cho đàn gia súc.",
        "Thời gian từ sáu giờ ba mươi phút đến mười một giờ.",
        "Bà con mang theo sổ theo dõi và chấp hành hướng dẫn của cán bộ thú y.",
        "Xin trân trọng cảm ơn.",
    ];

    [Fact]
    public async Task StreamsFramesUntilEndOfStreamAndPlaysEverySample()
    {
        var engine = new FakeTextToSpeechEngine();
        string[] sentences = ["một hai ba", "bốn năm", "sáu"];
        await using var source = new TextToSpeechSource(engine, sentences, TextToSpeechVoice.Default);

        List<short> played = await ReadAllAsync(source);

        int expected = 0;
        foreach (string sentence in sentences)
        {
            expected += engine.LengthOf(sentence);
        }

        Assert.Equal(0, played.Count % FrameLength);
        Assert.Equal((expected + FrameLength - 1) / FrameLength * FrameLength, played.Count);

        // Sentence by sentence, in order and back to back; the last frame is padded with silence.
        var reference = new List<short>();
        foreach (string sentence in sentences)
        {
            using SynthesizedSpeech speech = await engine.SynthesizeAsync(sentence, TextToSpeechVoice.Default, CancellationToken.None);
            reference.AddRange(speech.Samples.ToArray());
        }

        Assert.Equal(reference, played[..expected]);
        Assert.All(played[expected..], sample => Assert.Equal(0, sample));
        Assert.Equal(AudioSourceReadResult.EndOfStream, await source.ReadFrameAsync(new short[FrameLength], CancellationToken.None));
    }

    [Fact]
    public async Task EspeakBulletinPlaysForAsLongAsItsSentencesRender()
    {
        var engine = new EspeakTextToSpeechEngine();
        long rendered = 0;
        foreach (string sentence in BulletinSentences)
        {
            using SynthesizedSpeech speech = await engine.SynthesizeAsync(sentence, TextToSpeechVoice.Default, CancellationToken.None);
            rendered += speech.Length;
        }

        await using var source = new TextToSpeechSource(engine, BulletinSentences, TextToSpeechVoice.Default);
        List<short> played = await ReadAllAsync(source);

        Assert.Equal((rendered + FrameLength - 1) / FrameLength * FrameLength, played.Count);
        Assert.True(SpeechAnalysis.Rms(played.ToArray()) > 500);
        Assert.Equal(2 * BulletinSentences.Length, engine.ProcessStartCount);
        output.WriteLine($"{BulletinSentences.Length} sentences, {played.Count / 48_000.0:F1} s of speech");
    }

    [Fact]
    public async Task TheFirstFrameOfALongBulletinComesLongBeforeTheWholeIsSynthesized()
    {
        var sentences = new List<string>();
        for (int index = 0; index < 20; index++)
        {
            sentences.Add(BulletinSentences[index % BulletinSentences.Length]);
        }

        var engine = new EspeakTextToSpeechEngine();

        // Warm the process path once so the figure is not the first fork of the test run.
        using (await engine.SynthesizeAsync("xin chào", TextToSpeechVoice.Default, CancellationToken.None))
        {
        }

        var frame = new short[FrameLength];
        var clock = Stopwatch.StartNew();
        await using var source = new TextToSpeechSource(engine, sentences, TextToSpeechVoice.Default);
        Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(frame, CancellationToken.None));
        TimeSpan firstFrame = clock.Elapsed;
        long frames = 1;
        while (await source.ReadFrameAsync(frame, CancellationToken.None) == AudioSourceReadResult.Frame)
        {
            frames++;
        }

        TimeSpan total = clock.Elapsed;
        output.WriteLine($"time to first frame {firstFrame.TotalMilliseconds:F0} ms, all 20 sentences synthesized in {total.TotalMilliseconds:F0} ms, {frames * 0.02:F1} s of audio");

        // Streaming: the first frame waits for one sentence, not twenty.
        Assert.True(firstFrame < total / 3, $"first frame after {firstFrame.TotalMilliseconds:F0} ms of {total.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task SynthesisStaysABoundedNumberOfSentencesAhead()
    {
        var engine = new FakeTextToSpeechEngine();
        string[] sentences = ["a", "b", "c", "d", "e", "f", "g", "h"];
        await using var source = new TextToSpeechSource(engine, sentences, TextToSpeechVoice.Default, lookAhead: 2);

        Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(new short[FrameLength], CancellationToken.None));

        // One sentence playing, two queued, one rendered and waiting for room: never all eight.
        await Task.Delay(200);
        Assert.InRange(engine.Calls, 1, 5);
    }

    [Fact]
    public async Task ReadingFramesFromARenderedSentenceAllocatesNothing()
    {
        var engine = new FakeTextToSpeechEngine { SamplesPerCharacter = 4 * FrameLength };
        await using var source = new TextToSpeechSource(engine, [new string('a', 1_000)], TextToSpeechVoice.Default);
        var frame = new short[FrameLength];
        Memory<short> memory = frame;
        Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(memory, CancellationToken.None));

        AllocationBudget.AssertZero(
            () =>
            {
                ValueTask<AudioSourceReadResult> read = source.ReadFrameAsync(memory, CancellationToken.None);
                if (!read.IsCompletedSuccessfully || read.Result != AudioSourceReadResult.Frame)
                {
                    throw new InvalidOperationException("the frame was not ready");
                }
            },
            iterations: 2_000);
    }

    [Fact]
    public async Task ASynthesisFailureSurfacesAfterTheSentencesBeforeItPlayed()
    {
        var engine = new FakeTextToSpeechEngine { FailOn = "hỏng" };
        await using var source = new TextToSpeechSource(engine, ["một hai ba", "hỏng", "bốn"], TextToSpeechVoice.Default);
        var frame = new short[FrameLength];
        int frames = 0;

        var exception = await Assert.ThrowsAsync<TextToSpeechException>(async () =>
        {
            while (await source.ReadFrameAsync(frame, CancellationToken.None) == AudioSourceReadResult.Frame)
            {
                frames++;
            }
        });

        Assert.Contains("hỏng", exception.Message, StringComparison.Ordinal);
        Assert.Equal(engine.LengthOf("một hai ba") / FrameLength, frames);
    }

    [Fact]
    public async Task DisposingStopsSynthesisInProgress()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeTextToSpeechEngine
        {
            BeforeRender = async (_, token) =>
            {
                started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    cancelled.TrySetResult();
                    throw;
                }
            },
        };
        var source = new TextToSpeechSource(engine, ["một", "hai"], TextToSpeechVoice.Default);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await source.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(cancelled.Task.IsCompleted);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await source.ReadFrameAsync(new short[FrameLength], CancellationToken.None));
    }

    [Fact]
    public async Task AReadCanBeCancelledWhileTheFirstSentenceRenders()
    {
        var engine = new FakeTextToSpeechEngine { BeforeRender = (_, token) => Task.Delay(Timeout.Infinite, token) };
        await using var source = new TextToSpeechSource(engine, ["một"], TextToSpeechVoice.Default);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await source.ReadFrameAsync(new short[FrameLength], cancellation.Token));
    }

    [Fact]
    public async Task AShortFrameBufferIsRefused()
    {
        await using var source = new TextToSpeechSource(new FakeTextToSpeechEngine(), ["một"], TextToSpeechVoice.Default);
        await Assert.ThrowsAsync<ArgumentException>(async () => await source.ReadFrameAsync(new short[FrameLength - 1], CancellationToken.None));
    }

    [Fact]
    public async Task NoSentencesIsAnImmediateEndOfStream()
    {
        await using var source = new TextToSpeechSource(new FakeTextToSpeechEngine(), [], TextToSpeechVoice.Default);
        Assert.Equal(AudioSourceReadResult.EndOfStream, await source.ReadFrameAsync(new short[FrameLength], CancellationToken.None));
        Assert.StartsWith("TTS vi", source.Description, StringComparison.Ordinal);
    }

    private static async Task<List<short>> ReadAllAsync(IAudioSource source)
    {
        var played = new List<short>();
        var frame = new short[FrameLength];
        while (await source.ReadFrameAsync(frame, CancellationToken.None) == AudioSourceReadResult.Frame)
        {
            played.AddRange(frame);
        }

        return played;
    }
}
