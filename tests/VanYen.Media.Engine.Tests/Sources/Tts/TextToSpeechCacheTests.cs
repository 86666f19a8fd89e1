using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Audio.Wav;
using VanYen.Media.Engine.Sources.Tts;

namespace VanYen.Media.Engine.Tests.Sources.Tts;

public sealed class TextToSpeechCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vanyen-tts-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task ACachedRenderIsServedWithoutSynthesis()
    {
        var engine = new FakeTextToSpeechEngine();
        var cache = new TextToSpeechCache(engine, _directory);

        using SynthesizedSpeech first = await cache.SynthesizeAsync("xin chào bà con", TextToSpeechVoice.Default, CancellationToken.None);
        using SynthesizedSpeech second = await cache.SynthesizeAsync("xin chào bà con", TextToSpeechVoice.Default, CancellationToken.None);

        Assert.Equal(1, engine.Calls);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Misses);
        Assert.Equal(first.Samples.ToArray(), second.Samples.ToArray());
    }

    [Fact]
    public async Task AnEspeakRenderIsServedWithoutStartingAProcess()
    {
        var engine = new EspeakTextToSpeechEngine();
        var cache = new TextToSpeechCache(engine, _directory);
        var voice = new TextToSpeechVoice { Name = "vi-vn-x-south", Rate = 160, Pitch = 40 };

        using SynthesizedSpeech rendered = await cache.SynthesizeAsync("Thông báo cắt điện.", voice, CancellationToken.None);
        using SynthesizedSpeech cached = await cache.SynthesizeAsync("Thông báo cắt điện.", voice, CancellationToken.None);

        Assert.Equal(1, engine.ProcessStartCount);
        Assert.Equal(rendered.Samples.ToArray(), cached.Samples.ToArray());
    }

    [Fact]
    public async Task EachVoiceRateAndPitchIsItsOwnEntry()
    {
        var engine = new FakeTextToSpeechEngine();
        var cache = new TextToSpeechCache(engine, _directory);
        TextToSpeechVoice[] voices =
        [
            TextToSpeechVoice.Default,
            new() { Name = "vi-vn-x-south" },
            new() { Rate = 140 },
            new() { Pitch = 60 },
        ];

        foreach (TextToSpeechVoice voice in voices)
        {
            using SynthesizedSpeech speech = await cache.SynthesizeAsync("một câu", voice, CancellationToken.None);
        }

        Assert.Equal(4, engine.Calls);
        Assert.Equal(4, cache.EntryCount);
        Assert.Equal(4, Directory.GetFiles(_directory, "*.wav").Length);
        Assert.Matches("^[0-9a-f]{64}\\.wav$", cache.GetFileName("một câu", TextToSpeechVoice.Default));
    }

    [Fact]
    public async Task CachedFilesArePlayable48KilohertzMonoWavs()
    {
        var engine = new FakeTextToSpeechEngine();
        var cache = new TextToSpeechCache(engine, _directory);
        using SynthesizedSpeech speech = await cache.SynthesizeAsync("một câu", TextToSpeechVoice.Default, CancellationToken.None);

        byte[] file = await File.ReadAllBytesAsync(Path.Combine(_directory, cache.GetFileName("một câu", TextToSpeechVoice.Default)));

        Assert.True(WavHeader.TryParse(file, out WavHeader header));
        Assert.Equal(48_000, header.SampleRate);
        Assert.Equal(1, header.ChannelCount);
        Assert.True(header.IsPcm16);
        Assert.Equal((uint)(speech.Length * 2), header.DeclaredDataLength);
    }

    [Fact]
    public async Task RendersSurviveARestart()
    {
        var engine = new FakeTextToSpeechEngine();
        using (await new TextToSpeechCache(engine, _directory).SynthesizeAsync("một câu", TextToSpeechVoice.Default, CancellationToken.None))
        {
        }

        var restarted = new TextToSpeechCache(engine, _directory);
        using SynthesizedSpeech speech = await restarted.SynthesizeAsync("một câu", TextToSpeechVoice.Default, CancellationToken.None);

        Assert.Equal(1, engine.Calls);
        Assert.Equal(1, restarted.Hits);
        Assert.Equal(engine.LengthOf("một câu"), speech.Length);
    }

    [Fact]
    public async Task TheLeastRecentlyUsedRenderIsEvictedFirst()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        var engine = new FakeTextToSpeechEngine { SamplesPerCharacter = 1000 };

        // Each 10-character render is 44 + 20 000 bytes; three fit, four do not.
        var cache = new TextToSpeechCache(engine, _directory, maxBytes: 3 * 20_044, time);
        string[] texts = ["câu số một", "câu số hai", "câu số ba.", "câu số bốn"];
        foreach (string text in texts[..3])
        {
            using (await cache.SynthesizeAsync(text, TextToSpeechVoice.Default, CancellationToken.None))
            {
            }

            time.Advance(TimeSpan.FromMinutes(1));
        }

        // Use the oldest again: the second becomes the least recently used.
        using (await cache.SynthesizeAsync(texts[0], TextToSpeechVoice.Default, CancellationToken.None))
        {
        }

        time.Advance(TimeSpan.FromMinutes(1));
        using (await cache.SynthesizeAsync(texts[3], TextToSpeechVoice.Default, CancellationToken.None))
        {
        }

        Assert.Equal(3, cache.EntryCount);
        Assert.InRange(cache.TotalBytes, 1, cache.MaxBytes);
        Assert.False(File.Exists(Path.Combine(_directory, cache.GetFileName(texts[1], TextToSpeechVoice.Default))));
        Assert.True(File.Exists(Path.Combine(_directory, cache.GetFileName(texts[0], TextToSpeechVoice.Default))));
        int callsBefore = engine.Calls;
        using (await cache.SynthesizeAsync(texts[0], TextToSpeechVoice.Default, CancellationToken.None))
        {
        }

        Assert.Equal(callsBefore, engine.Calls);
    }

    [Fact]
    public async Task ADamagedFileIsRenderedAgain()
    {
        var engine = new FakeTextToSpeechEngine();
        var cache = new TextToSpeechCache(engine, _directory);
        using (await cache.SynthesizeAsync("một câu", TextToSpeechVoice.Default, CancellationToken.None))
        {
        }

        string path = Path.Combine(_directory, cache.GetFileName("một câu", TextToSpeechVoice.Default));
        byte[] file = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, file[..(file.Length / 2)]);

        using SynthesizedSpeech speech = await cache.SynthesizeAsync("một câu", TextToSpeechVoice.Default, CancellationToken.None);

        Assert.Equal(2, engine.Calls);
        Assert.Equal(engine.LengthOf("một câu"), speech.Length);
        Assert.Equal(file.Length, new FileInfo(path).Length);
    }

    [Fact]
    public async Task ClearRemovesEveryRender()
    {
        var engine = new FakeTextToSpeechEngine();
        var cache = new TextToSpeechCache(engine, _directory);
        using (await cache.SynthesizeAsync("một câu", TextToSpeechVoice.Default, CancellationToken.None))
        {
        }

        cache.Clear();

        Assert.Equal(0, cache.EntryCount);
        Assert.Equal(0, cache.TotalBytes);
        Assert.Empty(Directory.GetFiles(_directory));
    }
}
