using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc;

namespace VanYen.Media.Engine.Tests.WebRtc;

/// <summary>Counts the packets a peer delivers and remembers the last one's header fields.</summary>
internal sealed class CountingRtpSink : IRtpSink
{
    public int Count { get; private set; }

    public uint LastSsrc { get; private set; }

    public ushort LastSequenceNumber { get; private set; }

    public int LastPayloadLength { get; private set; }

    public void OnRtp(WebRtcPeer peer, in RtpPacket packet)
    {
        Count++;
        LastSsrc = packet.Ssrc;
        LastSequenceNumber = packet.SequenceNumber;
        LastPayloadLength = packet.Payload.Length;
    }
}
