using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.Engine.Tests.Broadcast;

/// <summary>A receiver that copies each RTP packet into its own buffer, as a real sender would: allocates nothing.</summary>
internal sealed class CopyingSink : IClusterSink
{
    private readonly byte[] _buffer = new byte[1500];

    public long Frames { get; private set; }

    public long Bytes { get; private set; }

    public void OnFrame(in ClusterFrame frame)
    {
        frame.RtpPacket.CopyTo(_buffer);
        Frames++;
        Bytes += frame.RtpPacket.Length;
    }
}
