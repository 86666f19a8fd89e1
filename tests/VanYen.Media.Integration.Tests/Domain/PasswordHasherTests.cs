using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Integration.Tests.Domain;

public class PasswordHasherTests
{
    private readonly PasswordHasher _hasher = DomainTestDatabase.FastHasher;

    [Fact]
    public void TheDefaultHasherUsesAtLeast210000IterationsAndTheDocumentedFormat()
    {
        var hasher = new PasswordHasher();

        string encoded = hasher.Hash("Mật khẩu đúng");

        Assert.True(hasher.Iterations >= 210_000);
        var match = Regex.Match(encoded, @"^pbkdf2-sha256\$(\d+)\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{43}=)$");
        Assert.True(match.Success, encoded);
        Assert.Equal(hasher.Iterations, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(PasswordVerification.Success, hasher.Verify("Mật khẩu đúng", encoded));
    }

    [Fact]
    public void TheHashIsPbkdf2HmacSha256OfTheUtf8PasswordWithTheStoredSalt()
    {
        string encoded = _hasher.Hash("Mật khẩu đúng");
        string[] parts = encoded.Split('$');

        byte[] expected = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("Mật khẩu đúng"), Convert.FromBase64String(parts[2]), int.Parse(parts[1], CultureInfo.InvariantCulture), HashAlgorithmName.SHA256, 32);

        Assert.Equal(Convert.ToBase64String(expected), parts[3]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
    }

    [Fact]
    public void TheSamePasswordHashesDifferentlyEachTimeAndBothVerify()
    {
        string first = _hasher.Hash("password");
        string second = _hasher.Hash("password");

        Assert.NotEqual(first, second);
        Assert.Equal(PasswordVerification.Success, _hasher.Verify("password", first));
        Assert.Equal(PasswordVerification.Success, _hasher.Verify("password", second));
    }

    [Theory]
    [InlineData("password ")]
    [InlineData("Password")]
    [InlineData("")]
    public void AWrongPasswordFails(string attempt)
    {
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify(attempt, _hasher.Hash("password")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ATamperedHashFails(int part)
    {
        string[] parts = _hasher.Hash("password").Split('$');
        if (part == 1)
        {
            parts[1] = (int.Parse(parts[1], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            byte[] bytes = Convert.FromBase64String(parts[part]);
            bytes[0] ^= 0x01;
            parts[part] = Convert.ToBase64String(bytes);
        }

        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("password", string.Join('$', parts)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("password")]
    [InlineData("pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("pbkdf2-sha512$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$-5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$999999999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$210000$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")]
    [InlineData("pbkdf2-sha256$210000$not base64!!!!!!!!!!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$extra")]
    public void AMalformedHashFailsWithoutThrowing(string encoded)
    {
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("password", encoded));
        Assert.False(PasswordHasher.IsWellFormed(encoded));
        Assert.True(_hasher.NeedsRehash(encoded));
    }

    [Fact]
    public void RaisingTheIterationCountAsksForARehashOnTheNextGoodLogin()
    {
        string old = _hasher.Hash("password");
        var stronger = new PasswordHasher(PasswordHasher.MinimumIterations + 1000);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, stronger.Verify("password", old));
        Assert.Equal(PasswordVerification.Failed, stronger.Verify("wrong", old));
        Assert.True(stronger.NeedsRehash(old));
        Assert.False(_hasher.NeedsRehash(old));
        Assert.False(stronger.NeedsRehash(stronger.Hash("password")));
    }

    [Fact]
    public void FewerThan210000IterationsCannotBeConfigured()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordHasher(209_999));
    }

    [Fact]
    public void AnUnknownUserAlwaysFails()
    {
        Assert.Equal(PasswordVerification.Failed, _hasher.VerifyUnknownUser("password"));
    }

    [Fact]
    public void GeneratedPasswordsAreLongRandomAndUnambiguous()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => PasswordGenerator.Generate()).ToList();

        Assert.Equal(50, passwords.Distinct().Count());
        Assert.All(passwords, p => Assert.Matches("^[a-km-zA-HJ-NP-Z2-9]{16}$", p));
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordGenerator.Generate(8));
    }
}
