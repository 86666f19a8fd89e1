using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Tests.Broadcast;

/// <summary>A receiver that keeps a copy of every frame of its cluster (allocates: not for allocation tests).</summary>
internal sealed class RecordingSink : IClusterSink
{
    public List<RecordedFrame> Frames { get; } = [];

    public void OnFrame(in ClusterFrame frame)
    {
        bool marker = false;
        if (!frame.RtpPacket.IsEmpty)
        {
            Assert.True(RtpPacket.TryParse(frame.RtpPacket, out RtpPacket packet));
            marker = packet.Marker;
            Assert.Equal(frame.SequenceNumber, packet.SequenceNumber);
            Assert.Equal(frame.Timestamp, packet.Timestamp);
            Assert.True(packet.Payload.SequenceEqual(frame.OpusPayload));
        }

        Frames.Add(new RecordedFrame(frame.ProgramId, frame.RtpPacket.ToArray(), frame.OpusPayload.ToArray(), frame.Pcm.ToArray(), frame.SequenceNumber, frame.Timestamp, marker));
    }

    /// <summary>The PCM of the frames of <paramref name="programId"/>, in order.</summary>
    public short[] PcmOf(string programId)
    {
        var samples = new List<short>();
        foreach (RecordedFrame frame in Frames)
        {
            if (frame.ProgramId == programId)
            {
                samples.AddRange(frame.Pcm);
            }
        }

        return [.. samples];
    }

    public RecordedFrame Last => Frames[^1];
}
