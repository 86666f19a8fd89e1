using System.Diagnostics;
using VanYen.Media.Browser.Tests.Testing;

namespace VanYen.Media.Browser.Tests.Meetings;

/// <summary>
/// Four different Vietnamese sentences from espeak-ng (-v vi, each its own pitch and speed), 48 kHz mono 16-bit WAVs:
/// the chair's, two participants' (the three fake microphones) and a plain RTP participant's. Made once per run.
/// </summary>
internal sealed class MeetingVoices
{
    private static readonly (string Text, int Pitch, int Speed)[] Sentences =
    [
        ("Kính thưa các đồng chí, hôm nay chi bộ thôn họp để bàn kế hoạch tháng mười hai.", 35, 150),
        ("Tôi xin báo cáo tình hình sản xuất vụ đông của thôn Thác Cá.", 70, 175),
        ("Đề nghị bà con đưa đàn gia súc đi tiêm phòng đầy đủ.", 55, 135),
        ("Đây là cổng điện thoại của xã An Thịnh, xin kết nối vào cuộc họp.", 85, 190),
    ];

    private static readonly Lazy<Task<MeetingVoices>> Shared = new(CreateAsync);

    private MeetingVoices(IReadOnlyList<Voice> voices) => All = voices;

    /// <summary>The chair, two participants, the plain RTP participant.</summary>
    public IReadOnlyList<Voice> All { get; }

    public static Task<MeetingVoices> GetAsync() => Shared.Value;

    /// <summary>Runs a tool and fails with its errors.</summary>
    public static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        string errors = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {errors}");
        }
    }

    private static async Task<MeetingVoices> CreateAsync()
    {
        string directory = Directory.CreateTempSubdirectory("vanyen-meeting-voices-").FullName;
        var voices = new List<Voice>();
        for (int i = 0; i < Sentences.Length; i++)
        {
            var (text, pitch, speed) = Sentences[i];
            string raw = Path.Combine(directory, $"espeak-{i}.wav");
            string path = Path.Combine(directory, $"voice-{i}-48k.wav");
            await RunAsync("espeak-ng", "-v", "vi", "-p", pitch.ToString(System.Globalization.CultureInfo.InvariantCulture), "-s", speed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", raw, text);
            await RunAsync("ffmpeg", "-v", "error", "-y", "-i", raw, "-af", "apad=pad_dur=0.25", "-ar", "48000", "-ac", "1", "-sample_fmt", "s16", "-map_metadata", "-1", "-bitexact", path);
            var (samples, sampleRate) = WaveReader.Read(await File.ReadAllBytesAsync(path));
            voices.Add(new Voice(path, samples, sampleRate));
        }

        return new MeetingVoices(voices);
    }

    /// <summary>One voice: its WAV file and one period of its samples.</summary>
    internal sealed record Voice(string Path, short[] Samples, int SampleRate)
    {
        public double Seconds => Samples.Length / (double)SampleRate;
    }
}
