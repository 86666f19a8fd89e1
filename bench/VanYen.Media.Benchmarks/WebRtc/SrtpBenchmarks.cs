using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Benchmarks.WebRtc;

/// <summary>
/// Per-packet cost of SRTP protect and unprotect for both DTLS-SRTP profiles, against a plain copy
/// of the packet as the floor. Every call works on a new sequence number, as on a live stream.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(InvocationsPerIteration)]
public class SrtpBenchmarks
{
    private const int InvocationsPerIteration = 4096;
    private const uint Ssrc = 0x5EC0DE01;

    private SrtpContext _sender = null!;
    private SrtpContext _feeder = null!;
    private SrtpContext _receiver = null!;
    private byte[] _rtp = [];
    private byte[] _output = [];
    private byte[][] _protectedPackets = [];
    private ushort _sendSequence;
    private ushort _feedSequence;
    private int _next;

    [Params(SrtpProtectionProfile.AesCm128HmacSha1_80, SrtpProtectionProfile.AeadAes128Gcm)]
    public SrtpProtectionProfile Profile { get; set; }

    [Params(160, 1200)]
    public int PayloadBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3711);
        var key = new byte[Profile.GetMasterKeyLength()];
        var salt = new byte[Profile.GetMasterSaltLength()];
        random.NextBytes(key);
        random.NextBytes(salt);
        _sender = new SrtpContext(Profile, key, salt);
        _feeder = new SrtpContext(Profile, key, salt);
        _receiver = new SrtpContext(Profile, key, salt);

        _rtp = new byte[12 + PayloadBytes];
        _rtp[0] = 0x80;
        _rtp[1] = 111;
        BinaryPrimitives.WriteUInt32BigEndian(_rtp.AsSpan(8), Ssrc);
        random.NextBytes(_rtp.AsSpan(12));
        _output = new byte[_rtp.Length + Profile.GetRtpOverhead()];
        _protectedPackets = new byte[InvocationsPerIteration][];
        for (int i = 0; i < _protectedPackets.Length; i++)
        {
            _protectedPackets[i] = new byte[_output.Length];
        }
    }

    /// <summary>Protects the next batch with the sender's state running on, so the receiver never sees a replay.</summary>
    [IterationSetup(Target = nameof(UnprotectRtp))]
    public void ProtectNextBatch()
    {
        var plain = (byte[])_rtp.Clone();
        foreach (byte[] packet in _protectedPackets)
        {
            BinaryPrimitives.WriteUInt16BigEndian(plain.AsSpan(2), _feedSequence++);
            _feeder.TryProtectRtp(plain, packet, out _);
        }

        _next = 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.Dispose();
        _feeder.Dispose();
        _receiver.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int CopyPacket()
    {
        _rtp.CopyTo(_output, 0);
        return _rtp.Length;
    }

    [Benchmark]
    public int ProtectRtp()
    {
        BinaryPrimitives.WriteUInt16BigEndian(_rtp.AsSpan(2), _sendSequence++);
        _sender.TryProtectRtp(_rtp, _output, out int length);
        return length;
    }

    [Benchmark]
    public int UnprotectRtp()
    {
        _receiver.UnprotectRtp(_protectedPackets[_next++], out int length);
        return length;
    }
}
