namespace VanYen.Media.Signaling.Contracts;

/// <summary>One bound UDP media socket as reported by <c>/healthz</c>.</summary>
/// <param name="Name">"webrtc" or "rtp".</param>
/// <param name="Address">Bound address.</param>
/// <param name="Port">Bound port.</param>
/// <param name="PacketsReceived">Datagrams received since start.</param>
/// <param name="PacketsSent">Datagrams sent since start.</param>
/// <param name="PacketsDropped">Datagrams dropped (malformed, unknown peer, no buffer).</param>
public sealed record MediaPortStatus(string Name, string Address, int Port, long PacketsReceived, long PacketsSent, long PacketsDropped);
