using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

public class SrtpKeyDerivationTests
{
    // RFC 3711 Appendix B.3.
    private static readonly byte[] MasterKey = Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static readonly byte[] MasterSalt = Convert.FromHexString("0EC675AD498AFEEBB6960B3AABE6");

    [Fact]
    public void CipherKeyMatchesRfc3711AppendixB3()
    {
        var key = new byte[16];
        SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivationLabel.RtpEncryption, key);
        Assert.Equal(Convert.FromHexString("C61E7A93744F39EE10734AFE3FF7A087"), key);
    }

    [Fact]
    public void CipherSaltMatchesRfc3711AppendixB3()
    {
        var salt = new byte[14];
        SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivationLabel.RtpSalt, salt);
        Assert.Equal(Convert.FromHexString("30CBBC08863D8C85D49DB34A9AE1"), salt);
    }

    [Fact]
    public void AuthenticationKeyMatchesRfc3711AppendixB3()
    {
        var authKey = new byte[20];
        SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivationLabel.RtpAuthentication, authKey);
        Assert.Equal(Convert.FromHexString("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"), authKey);
    }

    [Fact]
    public void EachLabelGivesADifferentKey()
    {
        var seen = new HashSet<string>();
        foreach (SrtpKeyDerivationLabel label in Enum.GetValues<SrtpKeyDerivationLabel>())
        {
            var key = new byte[16];
            SrtpKeyDerivation.Derive(MasterKey, MasterSalt, label, key);
            Assert.True(seen.Add(Convert.ToHexString(key)), $"label {label} repeated a key");
        }
    }

    [Fact]
    public void GcmMasterSaltIsTheHigh96BitsOfTheKdfInput()
    {
        // RFC 7714 §11: a 96-bit master salt; the KDF pads it with zeros on the right, so a 12-byte salt
        // derives what the same salt followed by two zero bytes derives.
        var salt12 = MasterSalt[..12];
        var salt14 = salt12.Concat(new byte[2]).ToArray();
        var fromShort = new byte[12];
        var fromLong = new byte[12];
        SrtpKeyDerivation.Derive(MasterKey, salt12, SrtpKeyDerivationLabel.RtpSalt, fromShort);
        SrtpKeyDerivation.Derive(MasterKey, salt14, SrtpKeyDerivationLabel.RtpSalt, fromLong);
        Assert.Equal(fromLong, fromShort);
    }

    [Fact]
    public void DeriveRejectsAMasterKeyOfTheWrongLength()
    {
        Assert.Throws<ArgumentException>(() => SrtpKeyDerivation.Derive(new byte[15], MasterSalt, SrtpKeyDerivationLabel.RtpEncryption, new byte[16]));
    }
}
