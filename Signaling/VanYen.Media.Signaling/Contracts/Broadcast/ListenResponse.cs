namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>A browser listens to a cluster's program.</summary>
/// <param name="SessionId">The WebRTC session (end it with <c>Leave</c>).</param>
/// <param name="AnswerSdp">The server's answer (sendonly audio: the cluster's Opus stream).</param>
public sealed record ListenResponse(string SessionId, string AnswerSdp);
