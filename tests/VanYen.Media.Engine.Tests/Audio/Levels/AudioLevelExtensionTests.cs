using VanYen.Media.Engine.Audio.Levels;

namespace VanYen.Media.Engine.Tests.Audio.Levels;

public sealed class AudioLevelExtensionTests
{
    // RFC 6464 §3: V in the top bit, -dBov in the low seven bits.
    [Theory]
    [InlineData(new byte[] { 0x00 }, 0, false)]
    [InlineData(new byte[] { 0x80 }, 0, true)]
    [InlineData(new byte[] { 0x7F }, 127, false)]
    [InlineData(new byte[] { 0xFF }, 127, true)]
    [InlineData(new byte[] { 0xAA }, 42, true)]
    [InlineData(new byte[] { 0x1E }, 30, false)]
    public void TryReadDecodesTheVoiceFlagAndLevel(byte[] data, int level, bool voice)
    {
        Assert.True(AudioLevelExtension.TryRead(data, out AudioLevel parsed));
        Assert.Equal(level, parsed.Level);
        Assert.Equal(voice, parsed.Voice);
        Assert.Equal(-level, parsed.Dbov);
    }

    [Fact]
    public void WriteThenReadRoundTripsEveryLevelAndFlag()
    {
        Span<byte> buffer = stackalloc byte[1];
        for (int level = 0; level <= 127; level++)
        {
            foreach (bool voice in new[] { false, true })
            {
                var original = new AudioLevel((byte)level, voice);
                Assert.Equal(1, AudioLevelExtension.Write(original, buffer));
                Assert.Equal((byte)((voice ? 0x80 : 0) | level), buffer[0]);
                Assert.True(AudioLevelExtension.TryRead(buffer, out AudioLevel parsed));
                Assert.Equal(original, parsed);
            }
        }
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x80, 0x00 })]
    [InlineData(new byte[] { 0x1E, 0x00, 0x00, 0x00 })]
    public void TryReadRejectsDataThatIsNotExactlyOneByte(byte[] data)
    {
        Assert.False(AudioLevelExtension.TryRead(data, out AudioLevel parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void WriteReturnsZeroWhenTheDestinationIsEmpty()
    {
        Assert.Equal(0, AudioLevelExtension.Write(new AudioLevel(10, true), Span<byte>.Empty));
    }

    [Fact]
    public void LevelAbove127IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AudioLevel(128, false));
    }

    [Fact]
    public void RandomAndMutatedDataNeverThrowsAndParsesOnlySingleBytes()
    {
        var random = new Random(6464);
        for (int round = 0; round < 10_000; round++)
        {
            var data = new byte[random.Next(0, 20)];
            random.NextBytes(data);
            bool parsed = AudioLevelExtension.TryRead(data, out AudioLevel level);
            Assert.Equal(data.Length == 1, parsed);
            if (parsed)
            {
                Assert.InRange(level.Level, 0, 127);
                Assert.Equal((data[0] & 0x80) != 0, level.Voice);
            }
        }
    }

    [Fact]
    public void UriIsTheRfc6464ClientToMixerUri()
    {
        Assert.Equal("urn:ietf:params:rtp-hdrext:ssrc-audio-level", AudioLevelExtension.Uri);
    }
}
