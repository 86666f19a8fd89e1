using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace VanYen.Media.Server.Devices;

/// <summary>
/// The server's self-signed TLS certificate (ECDSA P-256, SAN localhost, 127.0.0.1 and ::1), created once in the
/// data folder and reused, so devices can pin its SHA-256 fingerprint.
/// </summary>
public sealed partial class HttpsCertificate : IDisposable
{
    /// <summary>The certificate's file in the data folder (PKCS#12, no password, readable by the owner only).</summary>
    public const string FileName = "https-certificate.pfx";

    private HttpsCertificate(X509Certificate2 certificate)
    {
        Certificate = certificate;
        Sha256Fingerprint = FormatFingerprint(SHA256.HashData(certificate.RawData));
    }

    /// <summary>The certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>SHA-256 of the DER certificate, uppercase hex pairs joined by colons (as browsers and openssl show it).</summary>
    public string Sha256Fingerprint { get; }

    /// <summary>Loads the certificate from <paramref name="path"/>, creating it first if the file does not exist.</summary>
    public static HttpsCertificate LoadOrCreate(string path, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            byte[] pfx = Create(time);
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(path, fileOptions))
            {
                file.Write(pfx);
            }

            LogCreated(logger, path);
        }

        return new HttpsCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, password: null));
    }

    /// <summary>Formats a digest as uppercase hex pairs joined by colons.</summary>
    public static string FormatFingerprint(ReadOnlySpan<byte> digest) => string.Join(':', Convert.ToHexString(digest).Chunk(2).Select(pair => new string(pair)));

    /// <inheritdoc />
    public void Dispose() => Certificate.Dispose();

    private static byte[] Create(TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=VanYen.Media device login", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        DateTimeOffset now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return certificate.Export(X509ContentType.Pkcs12);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the HTTPS certificate {Path}")]
    private static partial void LogCreated(ILogger logger, string path);
}
