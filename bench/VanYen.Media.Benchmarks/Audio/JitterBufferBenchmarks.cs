using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Jitter;

namespace VanYen.Media.Benchmarks.Audio;

/// <summary>
/// The jitter buffer's cost per packet: one Insert and one Pop (which decodes with native libopus),
/// in order, against the decode alone as the baseline; and with 1 in 10 packets lost (FEC path).
/// </summary>
[MemoryDiagnoser]
public class JitterBufferBenchmarks
{
    private const int Frame = JitterBuffer.FrameSamples;
    private const int PacketCount = 50;

    private readonly byte[][] _packets = new byte[PacketCount][];
    private readonly short[] _pcm = new short[Frame];
    private OpusAudioDecoder _baselineDecoder = null!;
    private OpusAudioDecoder _decoder = null!;
    private JitterBuffer _buffer = null!;
    private int _sequence;

    [GlobalSetup]
    public void Setup()
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { InbandForwardErrorCorrection = true, ExpectedPacketLossPercent = 10 });
        var frame = new short[Frame];
        var packet = new byte[1275];
        for (int p = 0; p < PacketCount; p++)
        {
            for (int i = 0; i < Frame; i++)
            {
                double t = ((p * Frame) + i) / 48000.0;
                frame[i] = (short)((6000 * Math.Sin(2 * Math.PI * 200 * t)) + (2000 * Math.Sin(2 * Math.PI * 1200 * t)));
            }

            _packets[p] = packet.AsSpan(0, encoder.Encode(frame, packet)).ToArray();
        }

        _baselineDecoder = new OpusAudioDecoder(backend: OpusCodecBackend.Native);
        _decoder = new OpusAudioDecoder(backend: OpusCodecBackend.Native);
        _buffer = new JitterBuffer(new JitterBufferOptions { TimestampFrequency = 1000 }, _decoder);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _baselineDecoder.Dispose();
        _decoder.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int DecodeOnly() => _baselineDecoder.Decode(_packets[_sequence++ % PacketCount], _pcm);

    [Benchmark]
    public JitterFrameKind InsertAndPop()
    {
        int sequence = _sequence++;
        _buffer.Insert((ushort)sequence, (uint)(sequence * Frame), 0x1234, _packets[sequence % PacketCount], sequence * 20L);
        return _buffer.Pop(_pcm);
    }

    [Benchmark]
    public JitterFrameKind InsertAndPopWithTenPercentLoss()
    {
        int sequence = _sequence++;
        if (sequence % 10 != 5)
        {
            _buffer.Insert((ushort)sequence, (uint)(sequence * Frame), 0x1234, _packets[sequence % PacketCount], sequence * 20L);
        }

        return _buffer.Pop(_pcm);
    }
}
