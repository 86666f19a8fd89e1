using System.Net;
using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Benchmarks.WebRtc;

/// <summary>
/// The ICE-lite agent on the shared port, with 1000 other sessions registered: a steady-state consent check
/// from an already validated address (lookup by ufrag, both verifications, the signed response, consent
/// refresh), and the per-datagram address lookup that routes DTLS and SRTP. Every benchmark must show 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class IceBenchmarks
{
    private const string LocalUfrag = "Ab3dEf6h";
    private const string LocalPassword = "OurIcePassword0123456789";

    private readonly byte[] _response = new byte[IceLiteAgent.MinimumResponseLength];
    private IceLiteAgent _agent = null!;
    private byte[] _request = [];
    private SocketAddress _sender = null!;
    private SocketAddress _unknownSender = null!;

    [GlobalSetup]
    public void Setup()
    {
        _agent = new IceLiteAgent();
        for (int i = 0; i < 1000; i++)
        {
            _agent.CreateSession();
        }

        _agent.Register(LocalUfrag, LocalPassword);

        // What Chrome sends an ICE-lite answerer once the pair is selected: USERNAME, GOOG-NETWORK-INFO,
        // ICE-CONTROLLING, USE-CANDIDATE, PRIORITY, MESSAGE-INTEGRITY, FINGERPRINT.
        byte[] buffer = new byte[256];
        byte[] transactionId = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId);
        writer.AddUsername("Ab3dEf6h:peerUfrag"u8);
        writer.AddAttribute((StunAttributeType)0xC057, [0x00, 0x01, 0x00, 0x0A]);
        writer.AddIceControlling(0x1234_5678_9ABC_DEF0);
        writer.AddUseCandidate();
        writer.AddPriority(1853824767);
        writer.AddMessageIntegrity("OurIcePassword0123456789"u8);
        int length = writer.AddFingerprint();
        _request = buffer.AsSpan(0, length).ToArray();
        _sender = new IPEndPoint(IPAddress.Parse("2001:db8::42"), 50000).Serialize();
        _unknownSender = new IPEndPoint(IPAddress.Parse("2001:db8::43"), 50000).Serialize();
        _agent.HandleStun(_request, _sender, _response, out _, out _);
    }

    /// <summary>The same check through the bare responder: what the agent adds is lookup, locking and bookkeeping.</summary>
    [Benchmark(Baseline = true)]
    public int ResponderOnly()
    {
        StunMessage.TryParse(_request, out StunMessage message);
        StunBindingResponder.Respond(message, "Ab3dEf6h"u8, "OurIcePassword0123456789"u8, _sender, _response, out int written);
        return written;
    }

    /// <summary>A consent check from the selected address, every few seconds per peer.</summary>
    [Benchmark]
    public int SteadyStateConsentCheck()
    {
        _agent.HandleStun(_request, _sender, _response, out int written, out _);
        return written;
    }

    /// <summary>Routing a DTLS or SRTP datagram to its session, once per received packet.</summary>
    [Benchmark]
    public bool AddressLookup() => _agent.TryGetSession(_sender, out _);

    /// <summary>A datagram from an address no session validated.</summary>
    [Benchmark]
    public bool AddressLookupMiss() => _agent.TryGetSession(_unknownSender, out _);
}
