using VanYen.Media.Engine.WebRtc;

namespace VanYen.Media.Engine.Rooms;

/// <summary>A WebRTC session opened with <see cref="RoomService.OpenDirectSessionAsync"/>: the answer for the browser and the peer to route media with.</summary>
/// <param name="SessionId">The session's id (end it with <see cref="IRoomService.LeaveAsync"/>).</param>
/// <param name="AnswerSdp">The SDP answer for the browser.</param>
/// <param name="Peer">The peer: set its <see cref="WebRtcPeer.Sink"/> to receive, call <see cref="WebRtcPeer.ForwardRtp"/> or <see cref="WebRtcPeer.SendRtp"/> to send (with <see cref="WebRtcPeer.LocalSsrc"/>).</param>
/// <param name="OpusPayloadType">The Opus payload type the browser negotiated (what it sends and expects).</param>
public sealed record DirectSession(string SessionId, string AnswerSdp, WebRtcPeer Peer, byte OpusPayloadType);
