using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Rooms;

/// <summary>One joined session: its ICE session, its peer once the SDP exchange completed, and its part in a room.</summary>
internal sealed class RoomParticipant(RoomJoinRequest request, IceSession iceSession, uint ssrc, string cname)
{
    public string SessionId { get; } = request.SessionId;

    public RoomKind Kind { get; } = request.Kind;

    public string RoomId { get; } = request.RoomId;

    public RoomRole Role { get; } = request.Role;

    /// <summary>How to answer a session opened with <see cref="RoomService.OpenSessionAsync"/>, or null.</summary>
    public SessionOpenRequest? Custom { get; } = request.Custom;

    public IceSession IceSession { get; } = iceSession;

    /// <summary>The SSRC of what the server sends this participant.</summary>
    public uint Ssrc { get; } = ssrc;

    public string CName { get; } = cname;

    /// <summary>The server's offer waiting for the browser's answer, or null.</summary>
    public SessionDescription? PendingOffer { get; set; }

    public WebRtcPeer? Peer { get; set; }

    public Room? Room { get; set; }

    /// <summary>The echo loop of an echo-room session, or null.</summary>
    public EchoStream? Echo { get; set; }

    /// <summary>The negotiated Opus payload type (what the browser sends and expects).</summary>
    public int OpusPayloadType { get; private set; } = 111;

    /// <summary>The negotiated id of the audio level header extension (RFC 6464), 0 when not negotiated.</summary>
    public int AudioLevelExtensionId { get; private set; }

    /// <summary>Takes the payload type and extension ids from the first accepted audio section.</summary>
    public void ApplyNegotiation(NegotiatedSession negotiated)
    {
        foreach (NegotiatedMedia media in negotiated.Media)
        {
            if (media.Accepted && media.Kind == SdpMediaKind.Audio && media.FindCodec("opus") is { } opus)
            {
                OpusPayloadType = opus.PayloadType;
                AudioLevelExtensionId = media.FindExtensionId(AudioLevelExtension.Uri) ?? 0;
                return;
            }
        }

        throw new RoomException("The session description has no accepted Opus audio.");
    }
}
