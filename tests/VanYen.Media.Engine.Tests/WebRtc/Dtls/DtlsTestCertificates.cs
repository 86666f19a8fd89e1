using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

/// <summary>Certificates shared by the DTLS tests (generating one costs a key pair; no need per test).</summary>
internal static class DtlsTestCertificates
{
    public static DtlsCertificate Server { get; } = DtlsCertificate.Create();

    public static DtlsCertificate Client { get; } = DtlsCertificate.Create();

    public static DtlsCertificate Stranger { get; } = DtlsCertificate.Create();
}
