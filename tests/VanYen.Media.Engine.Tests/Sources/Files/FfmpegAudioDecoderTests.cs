using System.Diagnostics;
using System.IO.Pipelines;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Sources.Files;

public class FfmpegAudioDecoderTests(ITestOutputHelper output)
{
    public static TheoryData<string, string[]> Formats => new()
    {
        { "tone.wav", ["-c:a", "pcm_s16le", "-ar", "44100"] },
        { "tone.mp3", ["-c:a", "libmp3lame", "-b:a", "128k"] },
        { "tone.m4a", ["-c:a", "aac", "-b:a", "96k"] },
        { "tone.ogg", ["-c:a", "libvorbis", "-q:a", "4"] },
        { "tone.opus", ["-c:a", "libopus", "-b:a", "48k"] },
        { "tone.flac", ["-c:a", "flac", "-ar", "22050"] },
        { "stereo.wav", ["-c:a", "pcm_s16le", "-ac", "2"] },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task EveryCommonFormatDecodesToTheToneAtTheRightDuration(string name, string[] encoding)
    {
        using var files = new MediaTestFiles();
        string path = files.Tone(name, 1000, 2.5, -6, encoding);

        await using FfmpegAudioDecoder decoder = await FfmpegAudioDecoder.OpenAsync(path);
        (short[] samples, int frames) = await AudioAnalysis.ReadAllAsync(decoder.ReadFrameAsync);

        output.WriteLine($"{name}: {decoder.DecodedSampleCount} samples in {frames} frames, detected {decoder.DetectedFormat}");
        // Lossy codecs' priming and padding are trimmed by ffmpeg to within a few milliseconds.
        Assert.Equal(2.5, decoder.Position.TotalSeconds, 0.03);
        Assert.Equal((decoder.DecodedSampleCount + 959) / 960, frames);
        Assert.Equal(1000, AudioAnalysis.ToneFrequency(samples.AsSpan(24000, 48000)), 5.0);
        Assert.True(AudioAnalysis.RelativePower(samples.AsSpan(24000, 48000), 1000) > 0.9);
    }

    [Fact]
    public async Task AmrNbFromPhonesDecodesAtTheRightDuration()
    {
        using var files = new MediaTestFiles();
        string path;
        bool tone = MediaTestFiles.HasEncoder("libopencore_amrnb");
        if (tone)
        {
            path = files.Tone("tone.amr", 1000, 2.5, -6, "-c:a", "libopencore_amrnb", "-ar", "8000", "-ac", "1", "-b:a", "12.2k");
        }
        else
        {
            // Not a silent pass: the decoding path is still tested, on a hand-built file whose content is not a tone.
            output.WriteLine("ffmpeg has no AMR-NB encoder (libopencore_amrnb): decoding a hand-built 2.5 s AMR-NB file instead; duration checked, frequency not.");
            path = files.HandBuiltAmr("phone.amr", 125);
        }

        await using FfmpegAudioDecoder decoder = await FfmpegAudioDecoder.OpenAsync(path);
        (short[] samples, _) = await AudioAnalysis.ReadAllAsync(decoder.ReadFrameAsync);

        Assert.Equal("AMR-NB", decoder.DetectedFormat);
        Assert.Equal(2.5, decoder.Position.TotalSeconds, 0.03);
        if (tone)
        {
            Assert.Equal(1000, AudioAnalysis.ToneFrequency(samples.AsSpan(24000, 48000)), 10.0);
        }
    }

    [Fact]
    public async Task AStreamIsDecodedThroughStandardInput()
    {
        using var files = new MediaTestFiles();
        byte[] mp3 = File.ReadAllBytes(files.Tone("tone.mp3", 440, 1.5, -6, "-c:a", "libmp3lame"));

        await using FfmpegAudioDecoder decoder = await FfmpegAudioDecoder.OpenAsync(new MemoryStream(mp3));
        (short[] samples, _) = await AudioAnalysis.ReadAllAsync(decoder.ReadFrameAsync);

        Assert.Equal("stream", decoder.Description);
        Assert.Equal(1.5, decoder.Position.TotalSeconds, 0.06);
        Assert.Equal(440, AudioAnalysis.ToneFrequency(samples.AsSpan(12000, 48000)), 5.0);
    }

    [Fact]
    public async Task TheLastPartialFrameIsZeroPadded()
    {
        using var files = new MediaTestFiles();
        // 1.01 s = 48480 samples: 50 whole frames and 480 samples.
        string path = files.Tone("tone.wav", 1000, 1.01, -6, "-c:a", "pcm_s16le");

        await using FfmpegAudioDecoder decoder = await FfmpegAudioDecoder.OpenAsync(path);
        (short[] samples, int frames) = await AudioAnalysis.ReadAllAsync(decoder.ReadFrameAsync);

        Assert.Equal(51, frames);
        Assert.Equal(48480, decoder.DecodedSampleCount);
        Assert.Contains(samples[48000..48480], sample => sample != 0);
        Assert.All(samples[48480..], sample => Assert.Equal(0, sample));
        Assert.Equal(AudioSourceReadResult.EndOfStream, await decoder.ReadFrameAsync(new short[960]));
    }

    [Fact]
    public async Task GarbageFailsAtOpenWithFfmpegsReason()
    {
        using var files = new MediaTestFiles();
        string path = files.File("garbage.mp3");
        var bytes = new byte[20_000];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x00;
        File.WriteAllBytes(path, bytes);

        AudioDecodeException exception = await Assert.ThrowsAsync<AudioDecodeException>(async () => await FfmpegAudioDecoder.OpenAsync(path));

        output.WriteLine(exception.Message);
        Assert.Contains("garbage.mp3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("no known audio format", exception.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(exception.FfmpegError));
        Assert.Contains(exception.FfmpegError!, exception.Message, StringComparison.Ordinal);
        Assert.NotEqual(0, exception.ExitCode);
    }

    [Fact]
    public async Task ATextFileSentAsAStreamFailsWithAnAudioDecodeException()
    {
        var text = new MemoryStream("This is a meeting agenda, not a recording.\n"u8.ToArray());

        AudioDecodeException exception = await Assert.ThrowsAsync<AudioDecodeException>(async () => await FfmpegAudioDecoder.OpenAsync(text));

        output.WriteLine(exception.Message);
        Assert.Contains("stream", exception.Message, StringComparison.Ordinal);
        Assert.NotNull(exception.FfmpegError);
    }

    [Fact]
    public async Task AWavHeaderWithoutSamplesHasNoAudio()
    {
        using var files = new MediaTestFiles();
        string path = files.Tone("empty.wav", 1000, 1, -6, "-c:a", "pcm_s16le");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..44]);

        AudioDecodeException exception = await Assert.ThrowsAsync<AudioDecodeException>(async () => await FfmpegAudioDecoder.OpenAsync(path));

        output.WriteLine(exception.Message);
        Assert.Contains("WAV", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileIsReportedAsSuch()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(async () => await FfmpegAudioDecoder.OpenAsync("/nonexistent/vanyen/bulletin.mp3"));
    }

    [Fact]
    public async Task AMissingFfmpegIsReportedClearly()
    {
        using var files = new MediaTestFiles();
        string path = files.Tone("tone.wav", 1000, 0.5, -6, "-c:a", "pcm_s16le");
        var options = new FfmpegAudioDecoderOptions { FfmpegPath = "/nonexistent/ffmpeg" };

        AudioDecodeException exception = await Assert.ThrowsAsync<AudioDecodeException>(async () => await FfmpegAudioDecoder.OpenAsync(path, options));

        Assert.Contains("could not be started", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingAReadKillsFfmpeg()
    {
        using var files = new MediaTestFiles();
        byte[] wav = File.ReadAllBytes(files.Tone("tone.wav", 1000, 8, -6, "-c:a", "pcm_s16le"));
        // An input that never ends: 8 s of WAV (more than ffmpeg's 5 s probe), then the writer stays open.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0));
        await pipe.Writer.WriteAsync(wav);

        await using FfmpegAudioDecoder decoder = await FfmpegAudioDecoder.OpenAsync(pipe.Reader.AsStream());
        int processId = decoder.ProcessId;
        var frame = new short[960];
        int frames = 0;
        while (frames < 300 && await decoder.ReadFrameAsync(frame) == AudioSourceReadResult.Frame)
        {
            frames++;
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await decoder.ReadFrameAsync(frame, cancellation.Token) == AudioSourceReadResult.Frame)
            {
                frames++;
            }
        });

        Assert.InRange(frames, 300, 400);
        Assert.True(WaitUntilGone(processId), "ffmpeg still runs after the cancelled read");
        Assert.Equal(AudioSourceReadResult.EndOfStream, await decoder.ReadFrameAsync(frame));
        await pipe.Writer.CompleteAsync();
    }

    [Fact]
    public async Task CancellingAnOpenThatWaitsForInputKillsFfmpeg()
    {
        using var files = new MediaTestFiles();
        byte[] wav = File.ReadAllBytes(files.Tone("tone.wav", 1000, 1, -6, "-c:a", "pcm_s16le"));
        // 1 s of an endless WAV: ffmpeg is still probing (it wants 5 s) when the open is cancelled.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0));
        await pipe.Writer.WriteAsync(wav);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await FfmpegAudioDecoder.OpenAsync(pipe.Reader.AsStream(), cancellationToken: cancellation.Token));
        await pipe.Writer.CompleteAsync();
    }

    [Fact]
    public async Task DisposingKillsFfmpegMidFile()
    {
        using var files = new MediaTestFiles();
        string path = files.Tone("long.flac", 1000, 60, -6, "-c:a", "flac");

        FfmpegAudioDecoder decoder = await FfmpegAudioDecoder.OpenAsync(path);
        int processId = decoder.ProcessId;
        Assert.Equal(AudioSourceReadResult.Frame, await decoder.ReadFrameAsync(new short[960]));
        await decoder.DisposeAsync();

        Assert.True(WaitUntilGone(processId), "ffmpeg still runs after dispose");
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await decoder.ReadFrameAsync(new short[960]));
    }

    [Fact]
    public async Task AFrameOfTheWrongLengthIsRefused()
    {
        using var files = new MediaTestFiles();
        string path = files.Tone("tone.wav", 1000, 0.5, -6, "-c:a", "pcm_s16le");
        await using FfmpegAudioDecoder decoder = await FfmpegAudioDecoder.OpenAsync(path);
        await Assert.ThrowsAsync<ArgumentException>(async () => await decoder.ReadFrameAsync(new short[480]));
    }

    private static bool WaitUntilGone(int processId)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            return process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            // No process with that id any more.
            return true;
        }
    }
}
