using System.Security.Cryptography;
using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

public class DtlsFingerprintTests
{
    [Fact]
    public void ComputeSha256FormatsLikeSdpWithUpperCaseHexAndColons()
    {
        byte[] der = [1, 2, 3];
        byte[] expected = SHA256.HashData(der);

        DtlsFingerprint fingerprint = DtlsFingerprint.ComputeSha256(der);

        Assert.Equal("sha-256", fingerprint.Algorithm);
        Assert.Equal(expected, fingerprint.Value.ToArray());
        Assert.Equal("sha-256 " + string.Join(':', expected.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))), fingerprint.ToString());
        Assert.Equal(8 + (32 * 3) - 1, fingerprint.ToString().Length);
    }

    [Theory]
    [InlineData("sha-256")]
    [InlineData("sha-384")]
    [InlineData("sha-512")]
    [InlineData("sha-1")]
    public void ToStringRoundTripsThroughParse(string algorithm)
    {
        DtlsFingerprint fingerprint = DtlsFingerprint.Compute(algorithm, DtlsTestCertificates.Client.RawData);

        DtlsFingerprint parsed = DtlsFingerprint.Parse(fingerprint.ToString());

        Assert.Equal(fingerprint, parsed);
        Assert.True(parsed.Matches(DtlsTestCertificates.Client.RawData));
        Assert.False(parsed.Matches(DtlsTestCertificates.Server.RawData));
    }

    [Fact]
    public void ParseAcceptsLowerCaseHexAndUpperCaseToken()
    {
        DtlsFingerprint fingerprint = DtlsTestCertificates.Server.Fingerprint;
        string lower = "SHA-256  " + fingerprint.ToString()["sha-256 ".Length..].ToLowerInvariant();

        Assert.True(DtlsFingerprint.TryParse(lower, out DtlsFingerprint? parsed));
        Assert.Equal(fingerprint, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha-256")]
    [InlineData("sha-256 ")]
    [InlineData("md5 AB:CD")]
    [InlineData("sha-256 AB:CD")]
    [InlineData("sha-256 GG:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00")]
    [InlineData("sha-256 00-00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00")]
    [InlineData("sha-256 00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00")]
    public void TryParseRejectsMalformedValues(string? text)
    {
        Assert.False(DtlsFingerprint.TryParse(text, out DtlsFingerprint? parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void TryParseNeverThrowsOnMutatedInput()
    {
        var random = new Random(6347);
        string valid = DtlsTestCertificates.Server.SdpFingerprint;
        for (int i = 0; i < 2000; i++)
        {
            char[] chars = valid.ToCharArray();
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits; e++)
            {
                chars[random.Next(chars.Length)] = (char)random.Next(32, 127);
            }

            string mutated = new string(chars)[..random.Next(chars.Length + 1)];
            if (DtlsFingerprint.TryParse(mutated, out DtlsFingerprint? parsed))
            {
                Assert.Equal(32, parsed.Value.Length);
            }
        }
    }
}
