namespace VanYen.Media.Engine.Rtcp;

/// <summary>The fate of one packet in a transport-wide CC feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1).</summary>
/// <param name="SequenceNumber">Transport-wide sequence number of the packet.</param>
/// <param name="IsReceived">True when the packet arrived.</param>
/// <param name="Delta">Receive delta from the previous received packet (or the reference time), in 250 µs units; 0 when not received.</param>
public readonly record struct RtcpTransportWidePacketStatus(ushort SequenceNumber, bool IsReceived, int Delta)
{
    /// <summary>Length of one delta unit in microseconds.</summary>
    public const int DeltaUnitMicroseconds = 250;

    /// <summary>The receive delta in microseconds.</summary>
    public long DeltaMicroseconds => (long)Delta * DeltaUnitMicroseconds;
}
