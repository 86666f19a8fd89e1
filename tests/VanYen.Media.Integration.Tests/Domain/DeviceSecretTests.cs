using System.Security.Cryptography;
using System.Text;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Integration.Tests.Domain;

public class DeviceSecretTests
{
    [Fact]
    public void ASecretIs32RandomBytesInBase64Url()
    {
        var secrets = Enumerable.Range(0, 20).Select(_ => DeviceSecret.Generate()).ToList();

        Assert.Equal(20, secrets.Distinct().Count());
        Assert.All(secrets, s => Assert.Matches("^[A-Za-z0-9_-]{43}$", s));
    }

    [Fact]
    public void TheStoredHashIsSha256OfTheSecret()
    {
        string secret = DeviceSecret.Generate();

        string hash = DeviceSecret.Hash(secret);

        Assert.Equal("sha256$" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), hash);
        Assert.True(DeviceSecret.IsWellFormedHash(hash));
    }

    [Fact]
    public void OnlyTheRightSecretVerifies()
    {
        string secret = DeviceSecret.Generate();
        string hash = DeviceSecret.Hash(secret);

        Assert.True(DeviceSecret.Verify(secret, hash));
        Assert.False(DeviceSecret.Verify(DeviceSecret.Generate(), hash));
        Assert.False(DeviceSecret.Verify(secret[..^1], hash));
        Assert.False(DeviceSecret.Verify("", hash));
        Assert.False(DeviceSecret.Verify(secret, "sha256$AAAA"));
        Assert.False(DeviceSecret.Verify(secret, secret));
    }
}
