using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

public sealed class DtlsCertificateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vanyen-dtls-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void CreateMakesASelfSignedEcdsaP256CertificateBackDatedOneDayValidOneYear()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

        DtlsCertificate certificate = DtlsCertificate.Create(clock);

        using X509Certificate2 x509 = X509CertificateLoader.LoadCertificate(certificate.RawData.ToArray());
        using ECDsa? key = x509.GetECDsaPublicKey();
        Assert.NotNull(key);
        Assert.Equal(256, key.KeySize);
        Assert.Equal(DtlsCertificate.SubjectName, x509.Subject);
        Assert.Equal(x509.Subject, x509.Issuer);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromDays(1), certificate.NotBefore);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromDays(365), certificate.NotAfter);
        Assert.Equal(DtlsFingerprint.ComputeSha256(certificate.RawData), certificate.Fingerprint);
        Assert.StartsWith("sha-256 ", certificate.SdpFingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOrCreateReturnsTheSameCertificateOnTheNextStart()
    {
        string path = Path.Combine(_folder, "data", "dtls.pem");

        DtlsCertificate first = DtlsCertificate.LoadOrCreate(path);
        DtlsCertificate second = DtlsCertificate.LoadOrCreate(path);

        Assert.True(File.Exists(path));
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Equal(first.SdpFingerprint, second.SdpFingerprint);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")]
    public void LoadOrCreateRegeneratesACorruptFile(string content)
    {
        string path = Path.Combine(_folder, "dtls.pem");
        DtlsCertificate original = DtlsCertificate.LoadOrCreate(path);
        File.WriteAllText(path, content);

        DtlsCertificate regenerated = DtlsCertificate.LoadOrCreate(path);

        Assert.NotEqual(original.Fingerprint, regenerated.Fingerprint);
        Assert.Equal(regenerated.Fingerprint, DtlsCertificate.LoadOrCreate(path).Fingerprint);
    }

    [Fact]
    public void LoadOrCreateRegeneratesWhenTheKeyDoesNotBelongToTheCertificate()
    {
        string path = Path.Combine(_folder, "dtls.pem");
        string mine = DtlsTestCertificates.Server.ExportPem();
        string other = DtlsTestCertificates.Client.ExportPem();
        string certificateOnly = mine[..(mine.IndexOf("-----END CERTIFICATE-----", StringComparison.Ordinal) + 25)];
        string keyOnly = other[other.IndexOf("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal)..];
        Directory.CreateDirectory(_folder);
        File.WriteAllText(path, certificateOnly + "\n" + keyOnly);

        DtlsCertificate loaded = DtlsCertificate.LoadOrCreate(path);

        Assert.NotEqual(DtlsTestCertificates.Server.Fingerprint, loaded.Fingerprint);
        Assert.NotEqual(DtlsTestCertificates.Client.Fingerprint, loaded.Fingerprint);
    }

    [Fact]
    public void LoadOrCreateRegeneratesAnExpiredCertificate()
    {
        string path = Path.Combine(_folder, "dtls.pem");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        DtlsCertificate original = DtlsCertificate.LoadOrCreate(path, timeProvider: clock);

        clock.Advance(TimeSpan.FromDays(200));
        Assert.Equal(original.Fingerprint, DtlsCertificate.LoadOrCreate(path, timeProvider: clock).Fingerprint);

        clock.Advance(TimeSpan.FromDays(166));
        DtlsCertificate renewed = DtlsCertificate.LoadOrCreate(path, timeProvider: clock);

        Assert.NotEqual(original.Fingerprint, renewed.Fingerprint);
        Assert.True(renewed.IsValidAt(clock.GetUtcNow()));
    }

    [Fact]
    public void TheStoredPemIsReadableByDotNetAsACertificateWithItsKey()
    {
        string pem = DtlsTestCertificates.Client.ExportPem();

        using X509Certificate2 pair = X509Certificate2.CreateFromPem(pem, pem);

        Assert.True(pair.HasPrivateKey);
        Assert.Equal(DtlsTestCertificates.Client.RawData.ToArray(), pair.RawData);
    }
}
