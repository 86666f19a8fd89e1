using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Audio.Codec;

namespace VanYen.Media.Benchmarks.Audio;

/// <summary>Opus encode and decode of one 20 ms mono 48 kHz frame (32 kbit/s, in-band FEC), native libopus against Concentus' managed port.</summary>
[MemoryDiagnoser]
public class OpusCodecBenchmarks
{
    private const int Frame = 960;

    private readonly short[] _pcm = new short[Frame];
    private readonly short[] _decoded = new short[Frame];
    private readonly byte[] _packet = new byte[1275];
    private int _packetLength;
    private OpusAudioEncoder _nativeEncoder = null!;
    private OpusAudioEncoder _managedEncoder = null!;
    private OpusAudioDecoder _nativeDecoder = null!;
    private OpusAudioDecoder _managedDecoder = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A voiced-like signal: a 200 Hz fundamental with two harmonics, so the encoder works as it does on speech.
        for (int i = 0; i < Frame; i++)
        {
            double t = i / 48000.0;
            _pcm[i] = (short)((6000 * Math.Sin(2 * Math.PI * 200 * t)) + (3000 * Math.Sin(2 * Math.PI * 400 * t)) + (1500 * Math.Sin(2 * Math.PI * 1200 * t)));
        }

        var options = new OpusEncoderOptions { InbandForwardErrorCorrection = true, ExpectedPacketLossPercent = 10 };
        _nativeEncoder = new OpusAudioEncoder(options with { Backend = OpusCodecBackend.Native });
        _managedEncoder = new OpusAudioEncoder(options with { Backend = OpusCodecBackend.Managed });
        _nativeDecoder = new OpusAudioDecoder(backend: OpusCodecBackend.Native);
        _managedDecoder = new OpusAudioDecoder(backend: OpusCodecBackend.Managed);
        for (int i = 0; i < 10; i++)
        {
            _packetLength = _nativeEncoder.Encode(_pcm, _packet);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _nativeEncoder.Dispose();
        _managedEncoder.Dispose();
        _nativeDecoder.Dispose();
        _managedDecoder.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int EncodeNative() => _nativeEncoder.Encode(_pcm, _packet);

    [Benchmark]
    public int EncodeManaged() => _managedEncoder.Encode(_pcm, _packet);

    [Benchmark]
    public int DecodeNative() => _nativeDecoder.Decode(_packet.AsSpan(0, _packetLength), _decoded);

    [Benchmark]
    public int DecodeManaged() => _managedDecoder.Decode(_packet.AsSpan(0, _packetLength), _decoded);
}
