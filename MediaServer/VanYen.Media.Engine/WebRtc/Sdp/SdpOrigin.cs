namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>The o= line (RFC 8866 §5.2).</summary>
/// <param name="UserName">The user name, "-" when there is none.</param>
/// <param name="SessionId">The numeric session id, kept as its digits.</param>
/// <param name="SessionVersion">Incremented by the writer on each new description of the session.</param>
/// <param name="NetworkType">"IN".</param>
/// <param name="AddressType">"IP4" or "IP6".</param>
/// <param name="UnicastAddress">The address or host name of the originator.</param>
public sealed record SdpOrigin(
    string UserName,
    string SessionId,
    ulong SessionVersion,
    string NetworkType,
    string AddressType,
    string UnicastAddress);
