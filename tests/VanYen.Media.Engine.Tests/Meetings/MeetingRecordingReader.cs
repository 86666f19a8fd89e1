using System.Diagnostics;

namespace VanYen.Media.Engine.Tests.Meetings;

/// <summary>Decodes a recording with ffmpeg (an independent Ogg Opus reader) to 48 kHz mono samples.</summary>
internal static class MeetingRecordingReader
{
    public static short[] Decode(string oggPath)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-hide_banner", "-loglevel", "error", "-i", oggPath, "-f", "s16le", "-ar", "48000", "-ac", "1", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        using var pcm = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(pcm);
        Task<string> errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "ffmpeg did not finish");
        copy.Wait();
        Assert.True(process.ExitCode == 0, "ffmpeg failed: " + errors.Result);
        byte[] bytes = pcm.ToArray();
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }
}
