using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Tests.Rooms;

namespace VanYen.Media.Engine.Tests.Delivery.Streams;

/// <summary>A program for a <see cref="ClusterChannel"/>: speech frames with their Opus packets, and the idle silent packet.</summary>
internal sealed class ClusterTestProgram
{
    public const int FrameSamples = 960;

    public ClusterTestProgram(int frames)
    {
        Pcm = RoomTestAudio.Speech(frames);
        Packets = RoomTestAudio.Encode(Pcm);
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Channels = 1, Bitrate = 48000 });
        byte[] buffer = new byte[ClusterChannel.MaxPayloadLength];
        int length = encoder.Encode(new short[FrameSamples], buffer);
        SilentPacket = buffer[..length];
    }

    public short[] Pcm { get; }

    public List<byte[]> Packets { get; }

    public byte[] SilentPacket { get; }

    public int FrameCount => Packets.Count;

    /// <summary>Publishes program frame <paramref name="index"/> on <paramref name="channel"/>.</summary>
    public void Publish(ClusterChannel channel, int index) =>
        channel.Publish("program-1", Packets[index], Pcm.AsSpan(index * FrameSamples, FrameSamples));

    /// <summary>Publishes an idle tick.</summary>
    public void PublishIdle(ClusterChannel channel) => channel.Publish(null, SilentPacket, new short[FrameSamples]);

    /// <summary>Publishes every frame at the real 20 ms pace (for streams that run in real time, like ffmpeg's).</summary>
    public async Task PublishPacedAsync(ClusterChannel channel)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        for (int i = 0; i < FrameCount; i++)
        {
            Publish(channel, i);
            await timer.WaitForNextTickAsync();
        }
    }
}
