using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VanYen.Media.Engine.WebRtc.Dtls;

public sealed partial class DtlsCertificate
{
    /// <summary>
    /// A stored certificate is replaced this long before it expires, so a restart never hands browsers a
    /// certificate that dies during a call.
    /// </summary>
    public static readonly TimeSpan RenewalMargin = TimeSpan.FromDays(7);

    /// <summary>
    /// Loads the certificate kept at <paramref name="path"/> (PEM: CERTIFICATE then PRIVATE KEY), or creates and
    /// stores a new one when the file is missing, unreadable, not an ECDSA P-256 pair, or (nearly) expired.
    /// Keeping it across restarts keeps the fingerprint stable for anyone who pinned it.
    /// </summary>
    /// <param name="path">File in the data folder; its directory is created if needed. Written owner-only on Unix.</param>
    /// <param name="logger">Says whether the certificate was loaded, created or regenerated and why.</param>
    /// <param name="timeProvider">The clock for validity checks and new certificates.</param>
    public static DtlsCertificate LoadOrCreate(string path, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        logger ??= NullLogger.Instance;
        timeProvider ??= TimeProvider.System;
        DateTimeOffset now = timeProvider.GetUtcNow();

        string? problem;
        if (!File.Exists(path))
        {
            problem = null;
        }
        else
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                text = string.Empty;
            }

            if (TryFromPem(text, out DtlsCertificate? loaded, out problem))
            {
                if (now >= loaded.NotBefore && now < loaded.NotAfter - RenewalMargin)
                {
                    DtlsLog.CertificateLoaded(logger, path, loaded.SdpFingerprint, loaded.NotAfter);
                    return loaded;
                }

                problem = $"it expires {loaded.NotAfter:u} (valid from {loaded.NotBefore:u})";
            }
        }

        DtlsCertificate created = Create(timeProvider);
        Store(path, created.ExportPem());
        if (problem is null)
        {
            DtlsLog.CertificateCreated(logger, path, created.SdpFingerprint, created.NotAfter);
        }
        else
        {
            DtlsLog.CertificateRegenerated(logger, path, problem, created.SdpFingerprint, created.NotAfter);
        }

        return created;
    }

    /// <summary>
    /// Reads a PEM certificate + PKCS#8 private key pair. Fails (with a reason) unless the certificate is an
    /// ECDSA P-256 one and the key is its private key.
    /// </summary>
    internal static bool TryFromPem(
        string text,
        [NotNullWhen(true)] out DtlsCertificate? certificate,
        [NotNullWhen(false)] out string? problem)
    {
        certificate = null;
        byte[]? der = null;
        byte[]? pkcs8 = null;
        ReadOnlySpan<char> remaining = text;
        while (PemEncoding.TryFind(remaining, out PemFields fields))
        {
            ReadOnlySpan<char> label = remaining[fields.Label];
            byte[] data = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(remaining[fields.Base64Data], data, out int written))
            {
                problem = "its PEM data is not valid base64";
                return false;
            }

            if (label.SequenceEqual("CERTIFICATE") && der is null)
            {
                der = data.AsSpan(0, written).ToArray();
            }
            else if (label.SequenceEqual("PRIVATE KEY") && pkcs8 is null)
            {
                pkcs8 = data.AsSpan(0, written).ToArray();
            }

            remaining = remaining.Slice(fields.Location.End.GetOffset(remaining.Length));
        }

        if (der is null || pkcs8 is null)
        {
            problem = "it does not hold both a CERTIFICATE and a PRIVATE KEY";
            return false;
        }

        try
        {
            using X509Certificate2 x509 = X509CertificateLoader.LoadCertificate(der);
            using ECDsa? publicKey = x509.GetECDsaPublicKey();
            using var privateKey = ECDsa.Create();
            privateKey.ImportPkcs8PrivateKey(pkcs8, out _);
            if (publicKey is null || publicKey.KeySize != 256 || privateKey.KeySize != 256)
            {
                problem = "it is not an ECDSA P-256 certificate";
                return false;
            }

            ECParameters expected = publicKey.ExportParameters(includePrivateParameters: false);
            ECParameters actual = privateKey.ExportParameters(includePrivateParameters: false);
            if (!expected.Q.X.AsSpan().SequenceEqual(actual.Q.X) || !expected.Q.Y.AsSpan().SequenceEqual(actual.Q.Y))
            {
                problem = "its private key does not belong to its certificate";
                return false;
            }

            certificate = new DtlsCertificate(
                der,
                pkcs8,
                x509.NotBefore.ToUniversalTime(),
                x509.NotAfter.ToUniversalTime());
            problem = null;
            return true;
        }
        catch (CryptographicException exception)
        {
            problem = "it cannot be decoded: " + exception.Message;
            return false;
        }
    }

    private static void Store(string path, string pem)
    {
        string fullPath = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Write a sibling file then rename it over the old one, so a crash never leaves half a key behind.
        string temporary = fullPath + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(pem);
        }

        File.Move(temporary, fullPath, overwrite: true);
    }
}
