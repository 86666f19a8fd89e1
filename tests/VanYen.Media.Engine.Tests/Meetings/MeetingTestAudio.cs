using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.Tests.Audio.Codec;

namespace VanYen.Media.Engine.Tests.Meetings;

/// <summary>Three different Vietnamese sentences (espeak-ng "vi"), encoded as 20 ms Opus packets with their levels.</summary>
internal static class MeetingTestAudio
{
    public const int FrameSamples = 960;

    private static readonly string[] Sentences =
    [
        "Chi bộ thôn Lằng họp định kỳ tháng mười một, đề nghị các đảng viên có mặt đúng giờ.",
        "Báo cáo kết quả thu hoạch lúa mùa năm nay, năng suất đạt năm mươi tạ một héc ta.",
        "Ý kiến về việc sửa đường liên thôn, mỗi hộ đóng góp ngày công lao động.",
    ];

    private static readonly Lazy<short[][]> _clips = new(() => [.. Sentences.Select(SpeechSample.Synthesize)]);

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

    /// <summary>Opus packets of silence, as a muted or quiet participant's client sends them.</summary>
    public static List<(byte[] Opus, byte Level)> Silence(int frames) => Encode(new short[frames * FrameSamples]);
}
