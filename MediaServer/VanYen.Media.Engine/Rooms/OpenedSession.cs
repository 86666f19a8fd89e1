using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Sdp;

namespace VanYen.Media.Engine.Rooms;

/// <summary>A session opened with <see cref="RoomService.OpenSessionAsync"/>: the answer and the peer to route its media with.</summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="AnswerSdp">The SDP answer for the browser.</param>
/// <param name="Peer">The peer (set <see cref="WebRtcPeer.Sink"/> and <see cref="WebRtcPeer.FeedbackSink"/>; send with SendRtp/ForwardRtp).</param>
/// <param name="Negotiated">Per-mid codecs, payload types, extension ids and the browser's SSRCs.</param>
public sealed record OpenedSession(string SessionId, string AnswerSdp, WebRtcPeer Peer, NegotiatedSession Negotiated);
