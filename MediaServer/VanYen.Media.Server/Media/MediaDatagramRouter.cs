using VanYen.Media.Engine.Net;

namespace VanYen.Media.Server.Media;

/// <summary>
/// Chooses which engine component handles each media socket's datagrams.
/// Until a session layer registers itself, every datagram comes from a peer
/// the server does not know: it is dropped and counted as such.
/// </summary>
public sealed class MediaDatagramRouter
{
    /// <summary>Handler of the shared WebRTC socket.</summary>
    public IDatagramHandler WebRtc { get; set; } = UnknownPeerHandler.Instance;

    /// <summary>Handler of the plain-RTP socket.</summary>
    public IDatagramHandler Rtp { get; set; } = UnknownPeerHandler.Instance;
}
