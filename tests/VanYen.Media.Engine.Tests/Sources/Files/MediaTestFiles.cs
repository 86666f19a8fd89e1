using System.Diagnostics;
using System.Globalization;

namespace VanYen.Media.Engine.Tests.Sources.Files;

/// <summary>Makes audio files for the file-source tests with ffmpeg and espeak-ng, in a directory deleted afterwards.</summary>
internal sealed class MediaTestFiles : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<string> Encoders = new(() => Run("ffmpeg", "-hide_banner", "-encoders"));

    public MediaTestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "vanyen-files-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string File(string name) => Path.Combine(Directory, name);

    /// <summary>Whether this ffmpeg build has the named encoder (from <c>ffmpeg -encoders</c>).</summary>
    public static bool HasEncoder(string name) =>
        Encoders.Value.Split('\n').Any(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == name);

    /// <summary>Encodes a sine tone of <paramref name="seconds"/> to <paramref name="name"/> with the given ffmpeg output arguments.</summary>
    public string Tone(string name, double frequency, double seconds, double volumeDecibels, params string[] outputArguments)
    {
        string path = File(name);
        var arguments = new List<string>
        {
            "-nostdin", "-hide_banner", "-loglevel", "error", "-f", "lavfi",
            // A full-scale sine (peak 0 dBFS before the volume), unlike lavfi's "sine" source, which is at 1/8.
            "-i", FormattableString.Invariant($"aevalsrc=sin(2*PI*{frequency}*t):s=48000:d={seconds}"),
            "-af", FormattableString.Invariant($"volume={volumeDecibels}dB"),
        };
        arguments.AddRange(outputArguments);
        arguments.AddRange(["-y", path]);
        Run("ffmpeg", [.. arguments]);
        return path;
    }

    /// <summary>Speaks <paramref name="text"/> in Vietnamese with espeak-ng into a WAV file.</summary>
    public string Speech(string name, string text)
    {
        string path = File(name);
        Run("espeak-ng", "-v", "vi", "-w", path, text);
        return path;
    }

    /// <summary>
    /// An AMR-NB file built by hand (RFC 4867 §5 storage format): the magic line, then <paramref name="frames"/>
    /// 12.2 kbit/s frames (header byte + 31 bytes) of seeded random speech bits, 20 ms each.
    /// </summary>
    public string HandBuiltAmr(string name, int frames)
    {
        var random = new Random(4867);
        using var stream = new MemoryStream();
        stream.Write("#!AMR\n"u8);
        var payload = new byte[31];
        for (int i = 0; i < frames; i++)
        {
            // Frame type 7 (MR122) in bits 3-6, quality bit set.
            stream.WriteByte((7 << 3) | 0x04);
            random.NextBytes(payload);
            stream.Write(payload);
        }

        string path = File(name);
        System.IO.File.WriteAllBytes(path, stream.ToArray());
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A tool still holding a file must not fail the test; the OS temp cleaner gets it.
        }
    }

    private static string Run(string fileName, params string[] arguments)
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
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {Timeout}");
        }

        Assert.True(process.ExitCode == 0, string.Create(CultureInfo.InvariantCulture, $"{fileName} exited with {process.ExitCode}: {error.Result}"));
        return output.Result;
    }
}
