using System.Diagnostics;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Levels;

namespace VanYen.Media.Engine.Tests.Meetings;

/// <summary>
/// Three different Vietnamese sentences spoken by espeak-ng ("vi", three voice variants and pitches, so the voices
/// are told apart by correlation), encoded as 20 ms Opus packets with their levels; decoding of what came back.
/// </summary>
internal static class MeetingTestAudio
{
    public const int FrameSamples = 960;

    private static readonly (string Voice, string Pitch, string Text)[] Speakers =
    [
        ("vi+m3", "30", "Chi bộ thôn Lằng họp định kỳ tháng mười một, đề nghị các đảng viên có mặt đúng giờ."),
        ("vi+f2", "75", "Báo cáo kết quả thu hoạch lúa mùa năm nay, năng suất đạt năm mươi tạ một héc ta."),
        ("vi", "50", "Ý kiến về việc sửa đường liên thôn, mỗi hộ đóng góp ngày công lao động."),
    ];

    private static readonly Lazy<short[][]> _clips = new(() => [.. Speakers.Select(speaker => Synthesize(speaker.Voice, speaker.Pitch, speaker.Text))]);

    /// <summary>The three clips, 48 kHz mono, synthesized once per test run.</summary>
    public static short[][] Clips => _clips.Value;

    /// <summary>The first <paramref name="frames"/> frames of clip <paramref name="index"/> (looped if shorter).</summary>
    public static short[] Clip(int index, int frames)
    {
        short[] clip = Clips[index];
        var samples = new short[frames * FrameSamples];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = clip[i % clip.Length];
        }

        return samples;
    }

    /// <summary>Encodes 20 ms frames, each with its RFC 6464 level (as a browser would send it).</summary>
    public static List<(byte[] Opus, byte Level)> Encode(short[] pcm)
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Channels = 1, Bitrate = 32000, InbandForwardErrorCorrection = true });
        var packets = new List<(byte[], byte)>();
        byte[] buffer = new byte[1275];
        for (int offset = 0; offset + FrameSamples <= pcm.Length; offset += FrameSamples)
        {
            ReadOnlySpan<short> frame = pcm.AsSpan(offset, FrameSamples);
            int length = encoder.Encode(frame, buffer);
            packets.Add((buffer.AsSpan(0, length).ToArray(), AudioLevelMeter.MeasureLevel(frame)));
        }

        return packets;
    }

    /// <summary>Opus packets of silence, as a quiet participant's client sends them.</summary>
    public static List<(byte[] Opus, byte Level)> Silence(int frames) => Encode(new short[frames * FrameSamples]);

    /// <summary>
    /// Decodes packets placed by RTP timestamp: a gap (the bridge's DTX: nothing is sent while the mix is silent) is
    /// silence, as a receiver's jitter buffer would play it.
    /// </summary>
    public static short[] DecodeByTimestamp(IReadOnlyList<(uint Timestamp, byte[] Payload)> packets)
    {
        if (packets.Count == 0)
        {
            return [];
        }

        using var decoder = new OpusAudioDecoder(48000, 1);
        var pcm = new List<short>();
        short[] frame = new short[5760];
        uint next = packets[0].Timestamp;
        foreach ((uint timestamp, byte[] payload) in packets)
        {
            int gap = (int)(timestamp - next);
            if (gap is > 0 and < 48000 * 5)
            {
                pcm.AddRange(new short[gap]);
            }

            int samples = decoder.Decode(payload, frame);
            pcm.AddRange(frame.AsSpan(0, samples));
            next = timestamp + (uint)samples;
        }

        return [.. pcm];
    }

    private static short[] Synthesize(string voice, string pitch, string text)
    {
        string folder = Directory.CreateTempSubdirectory("vanyen-meeting-speech-").FullName;
        try
        {
            string wav = Path.Combine(folder, "speech.wav");
            string raw = Path.Combine(folder, "speech.raw");
            Run("espeak-ng", ["-v", voice, "-p", pitch, "-w", wav, text]);
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
        Task<string> errors = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"{program} did not finish");
        Task.WaitAll(errors, output);
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors.Result}");
    }
}
