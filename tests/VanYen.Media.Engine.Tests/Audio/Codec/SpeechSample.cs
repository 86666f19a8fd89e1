using System.Diagnostics;

namespace VanYen.Media.Engine.Tests.Audio.Codec;

/// <summary>
/// Real Vietnamese speech for audio tests: espeak-ng speaks a sentence to WAV, ffmpeg converts it
/// to 48 kHz mono s16le, in a temporary folder deleted afterwards.
/// </summary>
internal static class SpeechSample
{
    /// <summary>A commune announcement, about 5 s when spoken by espeak-ng's "vi" voice.</summary>
    public const string AnnouncementText =
        "Thông báo của Ủy ban nhân dân xã về lịch tiêm chủng tuần này. Đề nghị bà con mang theo căn cước công dân.";

    private static readonly Lazy<short[]> _announcement = new(() => Synthesize(AnnouncementText));

    /// <summary>The announcement at 48 kHz mono, synthesized once per test run.</summary>
    public static short[] Announcement => _announcement.Value;

    /// <summary>Speaks <paramref name="text"/> with espeak-ng and returns 48 kHz mono samples.</summary>
    public static short[] Synthesize(string text)
    {
        string folder = Directory.CreateTempSubdirectory("vanyen-speech-").FullName;
        try
        {
            string wav = Path.Combine(folder, "speech.wav");
            string raw = Path.Combine(folder, "speech.raw");
            Run("espeak-ng", ["-v", "vi", "-w", wav, text]);
            Run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-i", wav, "-ar", "48000", "-ac", "1", "-f", "s16le", raw]);
            byte[] bytes = File.ReadAllBytes(raw);
            var samples = new short[bytes.Length / 2];
            Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
            return samples;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 60 s.");
        }

        Task.WaitAll(errors, output);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {errors.Result}");
        }
    }
}
