using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.LoadHarness;

/// <summary>
/// One simulated IP speaker: its own UDP socket on 127.0.0.1 (so its own address, as behind its own NAT), the
/// keepalive of the device protocol, SRTP unprotect of every packet, and RFC 3550 §6.4.1 interarrival jitter.
/// </summary>
internal sealed class SimulatedReceiver : IDisposable
{
    private readonly Socket _socket;
    private readonly SrtpContext _inbound;
    private readonly DeviceMediaCredentials _credentials;
    private readonly IPEndPoint _server;
    private readonly byte[] _buffer = new byte[2048];
    private readonly byte[] _keepalive = new byte[256];
    private SequenceNumberUnwrapper _unwrapper;
    private long _firstSequence = -1;
    private long _highestSequence = -1;
    private double _previousTransit;
    private bool _hasTransit;

    public SimulatedReceiver(DeviceMediaCredentials credentials, IPEndPoint server)
    {
        _credentials = credentials;
        _server = server;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 256 * 1024 };
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int keyLength = credentials.Profile.GetMasterKeyLength();
        byte[] key = credentials.ServerMasterKeyAndSalt;
        _inbound = new SrtpContext(credentials.Profile, key.AsSpan(0, keyLength), key.AsSpan(keyLength), maxStreams: 2);
    }

    public long Received { get; private set; }

    public long KeepaliveResponses { get; private set; }

    public long UnprotectFailures { get; private set; }

    /// <summary>RFC 3550 interarrival jitter, in 48 kHz timestamp units.</summary>
    public double Jitter { get; private set; }

    /// <summary>Packets the sequence numbers say were sent since the first one received.</summary>
    public long Expected => _firstSequence < 0 ? 0 : _highestSequence - _firstSequence + 1;

    public void SendKeepalive()
    {
        Span<byte> transactionId = stackalloc byte[StunMessage.TransactionIdLength];
        Random.Shared.NextBytes(transactionId);
        var writer = new StunMessageWriter(_keepalive, StunMethod.Binding, StunMessageClass.Request, transactionId);
        writer.AddUsername(System.Text.Encoding.UTF8.GetBytes(_credentials.DeviceId));
        writer.AddMessageIntegrity(_credentials.KeepaliveKey);
        int length = writer.AddFingerprint();
        _socket.SendTo(_keepalive.AsSpan(0, length), SocketFlags.None, _server);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(_buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            OnDatagram(_buffer.AsSpan(0, length), Stopwatch.GetTimestamp());
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _inbound.Dispose();
    }

    private void OnDatagram(Span<byte> datagram, long arrival)
    {
        PacketKind kind = PacketDemultiplexer.Classify(datagram);
        if (kind == PacketKind.Stun)
        {
            KeepaliveResponses++;
            return;
        }

        if (kind != PacketKind.Rtp || _inbound.UnprotectRtp(datagram, out int length) != SrtpUnprotectResult.Ok)
        {
            UnprotectFailures++;
            return;
        }

        ushort sequence = BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(2, length - 2));
        uint timestamp = BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(4));
        long extended = _unwrapper.Unwrap(sequence);
        if (_firstSequence < 0)
        {
            _firstSequence = extended;
        }

        _highestSequence = Math.Max(_highestSequence, extended);
        Received++;

        // RFC 3550 §6.4.1 and A.8: J += (|D| - J) / 16, with arrival times in RTP timestamp units.
        double arrivalUnits = arrival * 48000.0 / Stopwatch.Frequency;
        double transit = arrivalUnits - timestamp;
        if (_hasTransit)
        {
            double difference = Math.Abs(transit - _previousTransit);
            Jitter += (difference - Jitter) / 16;
        }

        _previousTransit = transit;
        _hasTransit = true;
    }
}
