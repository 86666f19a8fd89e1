using System.Diagnostics;

namespace VanYen.Media.Engine.Tests.Audio.Ogg;

/// <summary>Runs ffmpeg / ffprobe for interoperability tests, with a timeout, and returns their output.</summary>
internal static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="fileName"/> and returns its standard output; fails the test on a non-zero exit.</summary>
    public static byte[] Run(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{fileName} did not start");
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {Timeout}");
        }

        copy.Wait(Timeout);
        Assert.True(process.ExitCode == 0, $"{fileName} exited with {process.ExitCode}: {error.Result}");
        return output.ToArray();
    }

    /// <summary>Creates a 440 Hz mono Opus file of <paramref name="seconds"/> at 32 kb/s with ffmpeg's libopus encoder.</summary>
    public static string CreateSineOpusFile(TemporaryDirectory directory, double seconds = 1)
    {
        string path = directory.File("sine.opus");
        Run("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-f", "lavfi",
            "-i", FormattableString.Invariant($"sine=frequency=440:duration={seconds}"),
            "-c:a", "libopus", "-b:a", "32k", "-y", path);
        return path;
    }
}
