using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.Delivery.Devices;

/// <summary>
/// An IP speaker as the tests see it: a plain UDP socket on 127.0.0.1 that speaks the device media protocol with the
/// keys of a registration (STUN keepalive with MESSAGE-INTEGRITY and FINGERPRINT, SRTP unprotect, SRTCP reports).
/// </summary>
internal sealed class FakeDevice : IDisposable
{
    public static readonly TimeSpan ShortWait = TimeSpan.FromMilliseconds(300);

    private readonly byte[] _receiveBuffer = new byte[2048];
    private readonly EndPoint _server;
    private SrtpContext _inbound;
    private SrtpContext _outbound;
    private Socket _socket;

    public FakeDevice(DeviceMediaCredentials credentials, IPEndPoint server)
    {
        Credentials = credentials;
        _server = server;
        _socket = CreateSocket();
        (_inbound, _outbound) = CreateContexts(credentials);
    }

    public DeviceMediaCredentials Credentials { get; private set; }

    public Socket Socket => _socket;

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public long UnprotectFailures { get; private set; }

    /// <summary>Uses the keys of a new registration.</summary>
    public void UseCredentials(DeviceMediaCredentials credentials)
    {
        _inbound.Dispose();
        _outbound.Dispose();
        Credentials = credentials;
        (_inbound, _outbound) = CreateContexts(credentials);
    }

    /// <summary>Moves to a new local port, as a NAT rebinding would look from the server.</summary>
    public void Rebind()
    {
        _socket.Dispose();
        _socket = CreateSocket();
    }

    /// <summary>Sends a keepalive signed with <paramref name="key"/> (the registration's key by default).</summary>
    public byte[] SendKeepalive(byte[]? key = null, string? username = null)
    {
        byte[] transactionId = new byte[StunMessage.TransactionIdLength];
        Random.Shared.NextBytes(transactionId);
        byte[] buffer = new byte[512];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId);
        writer.AddUsername(System.Text.Encoding.UTF8.GetBytes(username ?? Credentials.DeviceId));
        writer.AddMessageIntegrity(key ?? Credentials.KeepaliveKey);
        int length = writer.AddFingerprint();
        _socket.SendTo(buffer.AsSpan(0, length), SocketFlags.None, _server);
        return transactionId;
    }

    /// <summary>Sends a keepalive and waits for the signed answer; returns the address the server saw, or null without an answer.</summary>
    public IPEndPoint? Keepalive(TimeSpan? timeout = null)
    {
        byte[] transactionId = SendKeepalive();
        return WaitForKeepaliveResponse(transactionId, timeout ?? TimeSpan.FromSeconds(5));
    }

    public IPEndPoint? WaitForKeepaliveResponse(byte[] transactionId, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (TryReceive(deadline - DateTime.UtcNow, out int length))
        {
            Span<byte> datagram = _receiveBuffer.AsSpan(0, length);
            if (PacketDemultiplexer.Classify(datagram) != PacketKind.Stun || !StunMessage.TryParse(datagram, out StunMessage response))
            {
                continue;
            }

            Assert.Equal(StunMessageClass.SuccessResponse, response.Class);
            Assert.True(response.TransactionId.SequenceEqual(transactionId));
            Assert.True(response.VerifyMessageIntegrity(Credentials.KeepaliveKey), "the keepalive response must be signed with the keepalive key");
            Assert.True(response.VerifyFingerprint());
            Assert.True(response.TryGetXorMappedAddress(out IPAddress? address, out int port));
            return new IPEndPoint(address!, port);
        }

        return null;
    }

    /// <summary>Receives SRTP until <paramref name="timeout"/>: returns each unprotected RTP packet, skipping STUN.</summary>
    public byte[]? ReceiveRtp(TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (TryReceive(deadline - DateTime.UtcNow, out int length))
        {
            Span<byte> datagram = _receiveBuffer.AsSpan(0, length);
            if (PacketDemultiplexer.Classify(datagram) != PacketKind.Rtp)
            {
                continue;
            }

            if (_inbound.UnprotectRtp(datagram, out int plainLength) != SrtpUnprotectResult.Ok)
            {
                UnprotectFailures++;
                continue;
            }

            return datagram[..plainLength].ToArray();
        }

        return null;
    }

    /// <summary>Sends an SRTCP receiver report about the cluster stream, protected with <paramref name="context"/> (the device key by default).</summary>
    public void SendReceiverReport(uint deviceSsrc, byte fractionLost, uint jitter, SrtpContext? context = null)
    {
        var block = new RtcpReportBlock(Credentials.Ssrc, fractionLost, 3, 1000, jitter, 0, 0);
        byte[] report = new byte[RtcpReceiverReport.GetLength(1)];
        int length = RtcpReceiverReport.Write(report, deviceSsrc, [block]);
        byte[] protectedReport = new byte[length + 64];
        Assert.True((context ?? _outbound).TryProtectRtcp(report.AsSpan(0, length), protectedReport, out int protectedLength));
        _socket.SendTo(protectedReport.AsSpan(0, protectedLength), SocketFlags.None, _server);
    }

    public void Dispose()
    {
        _socket.Dispose();
        _inbound.Dispose();
        _outbound.Dispose();
    }

    public static SrtpContext CreateContext(SrtpProtectionProfile profile, byte[] keyAndSalt)
    {
        int keyLength = profile.GetMasterKeyLength();
        return new SrtpContext(profile, keyAndSalt.AsSpan(0, keyLength), keyAndSalt.AsSpan(keyLength));
    }

    private static (SrtpContext Inbound, SrtpContext Outbound) CreateContexts(DeviceMediaCredentials credentials) =>
        (CreateContext(credentials.Profile, credentials.ServerMasterKeyAndSalt), CreateContext(credentials.Profile, credentials.DeviceMasterKeyAndSalt));

    private static Socket CreateSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 1024 * 1024 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private bool TryReceive(TimeSpan timeout, out int length)
    {
        length = 0;
        if (timeout <= TimeSpan.Zero || !_socket.Poll(timeout, SelectMode.SelectRead))
        {
            return false;
        }

        length = _socket.Receive(_receiveBuffer);
        return true;
    }
}
