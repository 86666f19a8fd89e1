namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>The live broadcast started.</summary>
/// <param name="BroadcastId">The broadcast's id (for <c>StopLive</c> and the <c>BroadcastChanged</c> pushes).</param>
/// <param name="SessionId">The WebRTC session carrying the microphone.</param>
/// <param name="AnswerSdp">The server's answer (recvonly audio).</param>
public sealed record StartLiveResponse(string BroadcastId, string SessionId, string AnswerSdp);
