using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.WebRtc;

namespace VanYen.Media.Engine.Delivery.WebRtc;

/// <summary>
/// A browser that listens to a cluster's program over WebRTC (an old phone on an amplifier): the cluster's RTP
/// packets, already encoded once for every receiver, are forwarded to the browser's peer with the peer's SSRC, the
/// cluster's sequence numbers and timestamps (continuous across programs), and the Opus payload type the browser
/// negotiated. Idle ticks send nothing (RFC 3551 §4.1); the next program packet carries the marker bit.
/// </summary>
public sealed class WebRtcClusterListener : IClusterSink
{
    private readonly WebRtcPeer _peer;
    private readonly byte _payloadType;
    private long _packetsForwarded;

    /// <summary>Creates the listener of <paramref name="peer"/>, which negotiated Opus as <paramref name="opusPayloadType"/>.</summary>
    public WebRtcClusterListener(WebRtcPeer peer, byte opusPayloadType)
    {
        ArgumentNullException.ThrowIfNull(peer);
        _peer = peer;
        _payloadType = opusPayloadType;
    }

    /// <summary>The browser's peer.</summary>
    public WebRtcPeer Peer => _peer;

    /// <summary>Packets protected and sent to the browser.</summary>
    public long PacketsForwarded => Interlocked.Read(ref _packetsForwarded);

    /// <inheritdoc/>
    public void OnFrame(in ClusterFrame frame)
    {
        ReadOnlySpan<byte> packet = frame.RtpPacket;
        if (packet.Length < Rtp.RtpPacket.FixedHeaderLength || !_peer.IsConnected)
        {
            return;
        }

        bool marker = (packet[1] & 0x80) != 0;
        // The cluster's packets carry no header extensions: an empty id map keeps it that way.
        if (_peer.ForwardRtp(packet, _peer.LocalSsrc, frame.SequenceNumber, frame.Timestamp, _payloadType, marker, []))
        {
            Interlocked.Increment(ref _packetsForwarded);
        }
    }
}
