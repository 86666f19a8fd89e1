using System.Diagnostics;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Levels;

namespace VanYen.Media.LoadHarness.Meetings;

/// <summary>
/// The packets the simulated participants send: each talker a different Vietnamese sentence (espeak-ng "vi"), as
/// 20 ms Opus packets with their RFC 6464 levels, looped; the others one encoded silence frame at level 127.
/// </summary>
internal sealed class MeetingLoadAudio
{
    private static readonly string[] Sentences =
    [
        "Chi bộ thôn Lằng họp định kỳ tháng mười một, đề nghị các đảng viên có mặt đúng giờ.",
        "Báo cáo kết quả thu hoạch lúa mùa năm nay, năng suất đạt năm mươi tạ một héc ta.",
        "Ý kiến về việc sửa đường liên thôn, mỗi hộ đóng góp ngày công lao động.",
    ];

    private MeetingLoadAudio(List<(byte[] Opus, byte Level)>[] speech, byte[] silence)
    {
        Speech = speech;
        Silence = silence;
    }

    public IReadOnlyList<(byte[] Opus, byte Level)>[] Speech { get; }

    public byte[] Silence { get; }

    public static MeetingLoadAudio Create(int talkers)
    {
        var speech = new List<(byte[], byte)>[talkers];
        for (int i = 0; i < talkers; i++)
        {
            speech[i] = Encode(Synthesize(Sentences[i % Sentences.Length]));
        }

        return new MeetingLoadAudio(speech, Encode(new short[960])[0].Opus);
    }

    private static List<(byte[] Opus, byte Level)> Encode(short[] pcm)
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Channels = 1, Bitrate = 32000, InbandForwardErrorCorrection = true });
        var packets = new List<(byte[], byte)>();
        byte[] buffer = new byte[1275];
        for (int offset = 0; offset + 960 <= pcm.Length; offset += 960)
        {
            ReadOnlySpan<short> frame = pcm.AsSpan(offset, 960);
            int length = encoder.Encode(frame, buffer);
            packets.Add((buffer.AsSpan(0, length).ToArray(), AudioLevelMeter.MeasureLevel(frame)));
        }

        return packets;
    }

    private static short[] Synthesize(string text)
    {
        string folder = Directory.CreateTempSubdirectory("vanyen-load-speech-").FullName;
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
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {errors}");
        }
    }
}
