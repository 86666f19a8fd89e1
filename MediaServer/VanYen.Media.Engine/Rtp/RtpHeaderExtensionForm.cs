namespace VanYen.Media.Engine.Rtp;

/// <summary>How the elements of an RTP header extension are laid out (RFC 8285 §4).</summary>
public enum RtpHeaderExtensionForm
{
    /// <summary>The packet carries no header extension.</summary>
    None = 0,

    /// <summary>One-byte headers, profile 0xBEDE: ids 1-14, 1 to 16 data bytes (RFC 8285 §4.2).</summary>
    OneByte = 1,

    /// <summary>Two-byte headers, profile 0x100X: ids 1-255, 0 to 255 data bytes (RFC 8285 §4.3).</summary>
    TwoByte = 2,

    /// <summary>An RFC 3550 §5.3.1 extension with another profile: its elements are not interpreted.</summary>
    Other = 3,
}
