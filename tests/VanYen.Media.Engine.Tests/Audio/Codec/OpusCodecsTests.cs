using VanYen.Media.Engine.Audio.Codec;

namespace VanYen.Media.Engine.Tests.Audio.Codec;

public class OpusCodecsTests
{
    // The project's install step provides libopus (Debian libopus0 / libopus-dev), so native is expected here and in CI.
    [Fact]
    public void DetectBackendFindsNativeLibopusOnThisMachine()
    {
        Assert.Equal(OpusCodecBackend.Native, OpusCodecs.DetectBackend());
        Assert.Contains("libopus", OpusCodecs.DescribeBackend(), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultCodecsUseTheDetectedBackend()
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions());
        using var decoder = new OpusAudioDecoder();
        Assert.Equal(OpusCodecs.DetectBackend(), encoder.Backend);
        Assert.Equal(OpusCodecs.DetectBackend(), decoder.Backend);
    }

    [Fact]
    public void ManagedBackendCanBeForcedBesideNativeOnes()
    {
        using var managedEncoder = new OpusAudioEncoder(new OpusEncoderOptions { Backend = OpusCodecBackend.Managed });
        using var nativeEncoder = new OpusAudioEncoder(new OpusEncoderOptions { Backend = OpusCodecBackend.Native });
        using var managedDecoder = new OpusAudioDecoder(backend: OpusCodecBackend.Managed);
        using var nativeDecoder = new OpusAudioDecoder(backend: OpusCodecBackend.Native);
        Assert.Equal(OpusCodecBackend.Managed, managedEncoder.Backend);
        Assert.Equal(OpusCodecBackend.Native, nativeEncoder.Backend);
        Assert.Equal(OpusCodecBackend.Managed, managedDecoder.Backend);
        Assert.Equal(OpusCodecBackend.Native, nativeDecoder.Backend);
    }

    [Theory]
    [InlineData(8000, true)]
    [InlineData(12000, true)]
    [InlineData(16000, true)]
    [InlineData(24000, true)]
    [InlineData(48000, true)]
    [InlineData(44100, false)]
    [InlineData(0, false)]
    public void IsSupportedSampleRateAcceptsOnlyOpusRates(int sampleRate, bool supported) =>
        Assert.Equal(supported, OpusCodecs.IsSupportedSampleRate(sampleRate));
}
