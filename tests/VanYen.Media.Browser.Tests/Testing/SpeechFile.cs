using System.Diagnostics;

namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>
/// The fake microphone's sound: a Vietnamese sentence from espeak-ng, 48 kHz mono 16-bit, with a short
/// pause at the end. Chromium plays it in a loop (<c>--use-file-for-fake-audio-capture</c>).
/// Made once per test run.
/// </summary>
internal sealed class SpeechFile
{
    public const string Sentence = "Xin chào, đây là đài truyền thanh Văn Yên.";

    private static readonly Lazy<Task<SpeechFile>> Shared = new(CreateAsync);

    private SpeechFile(string path, short[] samples, int sampleRate)
    {
        Path = path;
        Samples = samples;
        SampleRate = sampleRate;
    }

    public string Path { get; }

    /// <summary>One period of the loop.</summary>
    public short[] Samples { get; }

    public int SampleRate { get; }

    public static Task<SpeechFile> GetAsync() => Shared.Value;

    private static async Task<SpeechFile> CreateAsync()
    {
        string directory = Directory.CreateTempSubdirectory("vanyen-speech-").FullName;
        string raw = System.IO.Path.Combine(directory, "espeak.wav");
        string path = System.IO.Path.Combine(directory, "speech-48k.wav");
        await RunAsync("espeak-ng", "-v", "vi", "-w", raw, Sentence);
        await RunAsync("ffmpeg", "-v", "error", "-y", "-i", raw, "-af", "apad=pad_dur=0.25", "-ar", "48000", "-ac", "1", "-sample_fmt", "s16", "-map_metadata", "-1", "-bitexact", path);
        var (samples, sampleRate) = WaveReader.Read(await File.ReadAllBytesAsync(path));
        return new SpeechFile(path, samples, sampleRate);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        string errors = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {errors}");
        }
    }
}
