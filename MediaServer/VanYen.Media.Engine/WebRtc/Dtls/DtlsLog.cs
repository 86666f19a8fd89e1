using Microsoft.Extensions.Logging;

namespace VanYen.Media.Engine.WebRtc.Dtls;

internal static partial class DtlsLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "DTLS certificate loaded from {Path}: {Fingerprint}, valid until {NotAfter:u}")]
    public static partial void CertificateLoaded(ILogger logger, string path, string fingerprint, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "DTLS certificate created in {Path}: {Fingerprint}, valid until {NotAfter:u}")]
    public static partial void CertificateCreated(ILogger logger, string path, string fingerprint, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "DTLS certificate in {Path} replaced because {Problem}; new one: {Fingerprint}, valid until {NotAfter:u}")]
    public static partial void CertificateRegenerated(ILogger logger, string path, string problem, string fingerprint, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "DTLS handshake completed as {Role}: {Profile}, peer {PeerFingerprint}")]
    public static partial void HandshakeCompleted(ILogger logger, DtlsRole role, string profile, string peerFingerprint);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "DTLS handshake as {Role} failed ({Reason}): {Detail}")]
    public static partial void HandshakeFailed(ILogger logger, DtlsRole role, DtlsCloseReason reason, string detail);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Debug, Message = "DTLS association closed ({Reason}): {Detail}")]
    public static partial void Closed(ILogger logger, DtlsCloseReason reason, string detail);
}
