using VanYen.Media.Engine.Audio.Wav;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Tts;

namespace VanYen.Media.Engine.Tests.Sources.Tts;

public sealed class TextToSpeechRendererTests : IDisposable
{
    private const string Bulletin = "UBND xã thông báo: ngày 26/11/2026 lúc 6h30 cắt điện. Liên hệ 0912 345 678.";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vanyen-tts-render-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task PreviewIsA48KilohertzMonoWavOfEverySentence()
    {
        var normalizer = new VietnameseTextNormalizer();
        var engine = new FakeTextToSpeechEngine();
        var renderer = new TextToSpeechRenderer(engine, normalizer);

        byte[] wav = await renderer.RenderWavAsync(Bulletin, TextToSpeechVoice.Default, CancellationToken.None);

        Assert.True(WavHeader.TryParse(wav, out WavHeader header));
        Assert.Equal(48_000, header.SampleRate);
        Assert.Equal(1, header.ChannelCount);
        Assert.True(header.IsPcm16);
        int expected = 0;
        foreach (string sentence in normalizer.NormalizeSentences(Bulletin))
        {
            expected += engine.LengthOf(sentence);
        }

        Assert.Equal(normalizer.NormalizeSentences(Bulletin).Count, engine.Calls);
        Assert.Equal((uint)(expected * 2), header.DeclaredDataLength);
        Assert.Equal(header.DataOffset + (expected * 2), wav.Length);
    }

    [Fact]
    public async Task ARepeatedPreviewComesFromTheCache()
    {
        var engine = new EspeakTextToSpeechEngine();
        var renderer = new TextToSpeechRenderer(new TextToSpeechCache(engine, _directory), new VietnameseTextNormalizer());

        byte[] first = await renderer.RenderWavAsync(Bulletin, TextToSpeechVoice.Default, CancellationToken.None);
        long starts = engine.ProcessStartCount;
        byte[] second = await renderer.RenderWavAsync(Bulletin, TextToSpeechVoice.Default, CancellationToken.None);

        Assert.Equal(new VietnameseTextNormalizer().NormalizeSentences(Bulletin).Count, starts);
        Assert.Equal(starts, engine.ProcessStartCount);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ASourceFromTheRendererSpeaksTheNormalizedSentences()
    {
        var engine = new FakeTextToSpeechEngine();
        var renderer = new TextToSpeechRenderer(engine, new VietnameseTextNormalizer());
        await using TextToSpeechSource source = renderer.CreateSource(Bulletin, TextToSpeechVoice.Default);

        Assert.Equal(new VietnameseTextNormalizer().NormalizeSentences(Bulletin).Count, source.SentenceCount);
        Assert.Contains("Ủy ban nhân dân", source.Description, StringComparison.Ordinal);
        int frames = 0;
        var frame = new short[960];
        while (await source.ReadFrameAsync(frame, CancellationToken.None) == AudioSourceReadResult.Frame)
        {
            frames++;
        }

        Assert.True(frames > 0);
    }
}
