using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.Engine.Tests.WebRtc.Ice;

public class IceCredentialsTests
{
    [Fact]
    public void GeneratedCredentialsAreIceCharsOfTheRfcLengths()
    {
        for (int i = 0; i < 100; i++)
        {
            string ufrag = IceCredentials.GenerateUfrag();
            string password = IceCredentials.GeneratePassword();

            Assert.Equal(IceCredentials.GeneratedUfragLength, ufrag.Length);
            Assert.Equal(IceCredentials.GeneratedPasswordLength, password.Length);
            Assert.True(IceCredentials.IsValid(ufrag, IceCredentials.MinUfragLength));
            Assert.True(IceCredentials.IsValid(password, IceCredentials.MinPasswordLength));
        }
    }

    [Fact]
    public void GeneratedPasswordsDiffer()
    {
        var passwords = new HashSet<string>();
        for (int i = 0; i < 1000; i++)
        {
            Assert.True(passwords.Add(IceCredentials.GeneratePassword()));
        }
    }

    [Theory]
    [InlineData("abcd", 4, true)]
    [InlineData("a+/9", 4, true)]
    [InlineData("abc", 4, false)]
    [InlineData("ab:d", 4, false)]
    [InlineData("ab-d", 4, false)]
    [InlineData("abçd", 4, false)]
    [InlineData("", 1, false)]
    [InlineData(null, 1, false)]
    public void IsValidFollowsTheIceCharGrammar(string? value, int minLength, bool expected)
    {
        Assert.Equal(expected, IceCredentials.IsValid(value, minLength));
    }

    [Fact]
    public void IsValidRejectsMoreThan256Characters()
    {
        Assert.True(IceCredentials.IsValid(new string('a', 256), 4));
        Assert.False(IceCredentials.IsValid(new string('a', 257), 4));
    }
}
