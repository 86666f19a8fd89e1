namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>Media direction attribute (RFC 8866 §6.7), seen from the side that wrote the description.</summary>
public enum SdpDirection
{
    /// <summary>a=sendrecv (the default when absent).</summary>
    SendRecv,

    /// <summary>a=sendonly.</summary>
    SendOnly,

    /// <summary>a=recvonly.</summary>
    RecvOnly,

    /// <summary>a=inactive.</summary>
    Inactive,
}
