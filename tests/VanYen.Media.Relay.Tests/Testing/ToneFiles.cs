using System.Diagnostics;

namespace VanYen.Media.Relay.Tests.Testing;

/// <summary>Test audio made by ffmpeg once per run: tones and silence as frame-aligned MP3 (no ID3 or Xing header, so the bytes loop).</summary>
internal static class ToneFiles
{
    /// <summary>The MP3 bit rate used: 64 kbit/s, 8000 bytes per second.</summary>
    public const int Mp3ByteRate = 8000;

    private static readonly string _folder = Directory.CreateTempSubdirectory("vanyen-relay-tests-").FullName;
    private static readonly Lock _gate = new();

    /// <summary>An MP3 of a sine tone (amplitude 1/8, about −21 dBFS).</summary>
    public static string Tone(int frequency, double seconds) =>
        Make($"tone-{frequency}-{seconds}.mp3", $"sine=frequency={frequency}:sample_rate=48000:duration={seconds}");

    /// <summary>An MP3 of digital silence.</summary>
    public static string Silence(double seconds) =>
        Make($"silence-{seconds}.mp3", $"anullsrc=r=48000:cl=mono:d={seconds}");

    private static string Make(string name, string filter)
    {
        string path = Path.Combine(_folder, name);
        lock (_gate)
        {
            if (File.Exists(path))
            {
                return path;
            }

            var startInfo = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in (string[])["-hide_banner", "-loglevel", "error", "-nostdin", "-f", "lavfi", "-i", filter, "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", "-write_xing", "0", "-id3v2_version", "0", "-f", "mp3", path])
            {
                startInfo.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(startInfo)!;
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "ffmpeg could not make the test tone: " + error);
            return path;
        }
    }
}
