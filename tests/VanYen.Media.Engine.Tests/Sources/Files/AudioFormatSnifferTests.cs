using VanYen.Media.Engine.Sources.Files;

namespace VanYen.Media.Engine.Tests.Sources.Files;

public class AudioFormatSnifferTests
{
    [Theory]
    [InlineData("49443304000000000000", "MP3 (ID3)")]
    [InlineData("FFFB9064", "MP3")]
    [InlineData("FFF15080", "AAC (ADTS)")]
    [InlineData("4F67675300020000", "Ogg")]
    [InlineData("664C614300000022", "FLAC")]
    [InlineData("524946462400000057415645666D7420", "WAV")]
    [InlineData("0000002066747970 4D344120", "MP4/M4A")]
    [InlineData("2321414D520A3C", "AMR-NB")]
    [InlineData("2321414D522D57420A", "AMR-WB")]
    [InlineData("1A45DFA3", "Matroska/WebM")]
    [InlineData("3026B2758E66CF11", "ASF/WMA")]
    [InlineData("464F524D00000000414946460000", "AIFF")]
    public void KnownContainersAreNamed(string hex, string expected)
    {
        Assert.Equal(expected, AudioFormatSniffer.Detect(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("546869732069732074657874")]
    [InlineData("52494646")]
    public void AnythingElseIsUnknown(string hex)
    {
        Assert.Null(AudioFormatSniffer.Detect(Convert.FromHexString(hex)));
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 20)];
            random.NextBytes(bytes);
            _ = AudioFormatSniffer.Detect(bytes);
        }
    }
}
