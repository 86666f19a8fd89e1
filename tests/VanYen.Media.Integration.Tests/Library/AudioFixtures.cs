using System.Diagnostics;

namespace VanYen.Media.Integration.Tests.Library;

/// <summary>Audio files made at test time with ffmpeg (and sox for AMR, which this ffmpeg cannot encode).</summary>
internal static class AudioFixtures
{
    /// <summary>Two seconds of a 440 Hz tone about 20 dB below the target in <paramref name="extension"/>'s format.</summary>
    public static async Task<string> ToneAsync(string directory, string extension)
    {
        string path = Path.Combine(directory, "tone." + extension);
        if (extension == "amr")
        {
            await RunAsync("sox", ["-n", "-r", "8000", "-c", "1", "-t", "amr-nb", path, "synth", "2", "sine", "440", "vol", "0.2"]);
        }
        else
        {
            // Opus (what browsers record into WebM/Ogg) takes 48 kHz; the others get a phone-typical 44.1 kHz.
            string rate = extension is "webm" or "ogg" ? "48000" : "44100";
            await RunAsync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-ar", rate, path]);
        }

        return path;
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
    }
}
