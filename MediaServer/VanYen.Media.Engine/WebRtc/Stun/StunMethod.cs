namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>A STUN method (RFC 8489 §5, §18.2): the 12 method bits of the message type.</summary>
public enum StunMethod : ushort
{
    /// <summary>Binding (0x001): the only method ICE uses (RFC 8445 §7).</summary>
    Binding = 0x001,
}
