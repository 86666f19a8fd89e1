using VanYen.Media.Engine.Audio.Loudness;
using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Engine.Sources.Files;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Sources.Files;

public class AudioFileImporterTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("quiet.mp3", -25.0)]
    [InlineData("loud.m4a", -1.0)]
    public async Task AToneOfAnyLoudnessBecomesAnOggOpusFileAtMinus16Lufs(string name, double volume)
    {
        using var files = new MediaTestFiles();
        string codec = name.EndsWith(".mp3", StringComparison.Ordinal) ? "libmp3lame" : "aac";
        string input = files.Tone(name, 1000, 4, volume, "-c:a", codec);
        string library = files.File("library.opus");

        AudioImportResult result = await new AudioFileImporter().ImportAsync(input, library);

        output.WriteLine($"{name}: {result}");
        Assert.Equal(library, result.OutputPath);
        Assert.Equal(4.0, result.Duration.TotalSeconds, 0.03);
        // A sine of V dB peak reads about V - 3.0 LUFS at 1 kHz.
        Assert.Equal(volume - 3.0, result.LoudnessBefore, 0.5);
        Assert.Equal(-16.0, result.LoudnessAfter, 0.5);
        // A tone's peaks stay under the ceiling once normalized: no limiting, so no compensation.
        Assert.Equal(-16.0 - result.LoudnessBefore, result.GainDecibels, 0.01);
        Assert.True(result.PeakAfterDecibels <= -1.0, $"peak {result.PeakAfterDecibels:F2} dBFS");

        (short[] decoded, long count) = await DecodeAsync(library);
        Assert.Equal(4.0, count / 48000.0, 0.03);
        Assert.Equal(-16.0, LoudnessAnalysis.MeasureIntegrated(decoded), 1.0);
        Assert.Equal(1000, AudioAnalysis.ToneFrequency(decoded.AsSpan(48000, 96000)), 5.0);
        Assert.False(File.Exists(library + ".part"));
        Assert.Empty(Directory.GetFiles(files.Directory, "*.pcm"));
    }

    [Fact]
    public async Task VietnameseSpeechFromAnUploadedStreamIsNormalized()
    {
        using var files = new MediaTestFiles();
        string wav = files.Speech("bulletin.wav", "Xin chào bà con. Đây là bản tin sáng nay của đài truyền thanh xã Văn Yên.");
        string library = files.File("bulletin.opus");
        await using FileStream upload = File.OpenRead(wav);

        AudioImportResult result = await new AudioFileImporter().ImportAsync(upload, library);

        output.WriteLine(result.ToString());
        Assert.True(result.Duration > TimeSpan.FromSeconds(2), $"duration {result.Duration}");
        // espeak-ng peaks near full scale: the limiter works, and the gain makes up for what it takes.
        Assert.Equal(-16.0, result.LoudnessAfter, 0.3);
        Assert.True(result.GainDecibels > -16.0 - result.LoudnessBefore, $"gain {result.GainDecibels:F2} dB, no compensation");
        Assert.True(result.PeakAfterDecibels <= -1.0, $"peak {result.PeakAfterDecibels:F2} dBFS");
        using OggOpusReader reader = OggOpusReader.Open(File.OpenRead(library));
        Assert.Equal(1, reader.ChannelCount);
        Assert.Equal(OpusHead.DefaultPreSkip + 240, reader.PreSkip);
        Assert.NotNull(reader.Tags.GetComment("R128_TRACK_GAIN"));

        (short[] decoded, long count) = await DecodeAsync(library);
        Assert.Equal(result.Duration.TotalSeconds, count / 48000.0, 0.03);
        Assert.Equal(-16.0, LoudnessAnalysis.MeasureIntegrated(decoded), 1.0);
    }

    [Fact]
    public async Task GarbageIsRefusedAndLeavesNoFileBehind()
    {
        using var files = new MediaTestFiles();
        string input = files.File("upload.m4a");
        File.WriteAllText(input, "<html>not audio</html>");
        string library = files.File("library.opus");

        AudioDecodeException exception = await Assert.ThrowsAsync<AudioDecodeException>(() => new AudioFileImporter().ImportAsync(input, library));

        output.WriteLine(exception.Message);
        Assert.Contains("upload.m4a", exception.Message, StringComparison.Ordinal);
        Assert.Equal(["upload.m4a"], Directory.GetFiles(files.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task SilenceIsImportedWithoutGain()
    {
        using var files = new MediaTestFiles();
        string input = files.Tone("silence.wav", 1000, 2, -120, "-c:a", "pcm_s16le");
        string library = files.File("silence.opus");

        AudioImportResult result = await new AudioFileImporter().ImportAsync(input, library);

        Assert.Equal(double.NegativeInfinity, result.LoudnessBefore);
        Assert.Equal(0.0, result.GainDecibels);
        Assert.Equal(2.0, result.Duration.TotalSeconds, 0.03);
    }

    private static async Task<(short[] Samples, long Count)> DecodeAsync(string path)
    {
        await using OggOpusFileSource source = OggOpusFileSource.Open(path);
        (short[] samples, _) = await AudioAnalysis.ReadAllAsync(source.ReadFrameAsync);
        return (samples, source.DecodedSampleCount);
    }
}
