using System.Net;
using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Benchmarks.WebRtc;

/// <summary>
/// One ICE connectivity / consent check as a browser sends it to our ICE-lite agent, every few hundred ms
/// per peer: parse, verify FINGERPRINT and MESSAGE-INTEGRITY, write the authenticated success response.
/// Every benchmark must show 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class StunBenchmarks
{
    private static readonly byte[] _localUfrag = "Ab3d"u8.ToArray();
    private static readonly byte[] _localPassword = "our-ice-password-24chars"u8.ToArray();

    private readonly byte[] _response = new byte[StunBindingResponder.MinimumDestinationLength];
    private byte[] _request = [];
    private SocketAddress _sender = null!;

    [GlobalSetup]
    public void Setup()
    {
        // What Chrome sends an ICE-lite answerer: USERNAME, GOOG-NETWORK-INFO, ICE-CONTROLLING,
        // USE-CANDIDATE, PRIORITY, MESSAGE-INTEGRITY, FINGERPRINT.
        byte[] buffer = new byte[256];
        byte[] transactionId = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId);
        writer.AddUsername("Ab3d:peerUfrag"u8);
        writer.AddAttribute((StunAttributeType)0xC057, [0x00, 0x01, 0x00, 0x0A]);
        writer.AddIceControlling(0x1234_5678_9ABC_DEF0);
        writer.AddUseCandidate();
        writer.AddPriority(1853824767);
        writer.AddMessageIntegrity(_localPassword);
        int length = writer.AddFingerprint();
        _request = buffer.AsSpan(0, length).ToArray();
        _sender = new IPEndPoint(IPAddress.Parse("203.0.113.5"), 50000).Serialize();
    }

    /// <summary>Header and attribute walk only: the floor under everything else.</summary>
    [Benchmark(Baseline = true)]
    public bool Parse() => StunMessage.TryParse(_request, out _);

    /// <summary>CRC-32 over the message.</summary>
    [Benchmark]
    public bool ParseAndVerifyFingerprint() => StunMessage.TryParse(_request, out StunMessage message) && message.VerifyFingerprint();

    /// <summary>HMAC-SHA1 over the message, with the length-patched copy.</summary>
    [Benchmark]
    public bool ParseAndVerifyMessageIntegrity() =>
        StunMessage.TryParse(_request, out StunMessage message) && message.VerifyMessageIntegrity(_localPassword);

    /// <summary>The whole per-check work: parse, both verifications, the signed and fingerprinted response.</summary>
    [Benchmark]
    public int HandleConnectivityCheck()
    {
        StunMessage.TryParse(_request, out StunMessage message);
        StunBindingResponder.Respond(message, _localUfrag, _localPassword, _sender, _response, out int written);
        return written;
    }
}
