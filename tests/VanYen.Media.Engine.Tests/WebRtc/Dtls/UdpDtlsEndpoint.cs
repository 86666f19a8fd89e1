using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

/// <summary>
/// What the ICE layer does for DTLS, reduced to a test: a UDP socket on 127.0.0.1 whose datagrams go to a
/// <see cref="DtlsTransport"/>, and whose sends go to the peer (given, or learnt from the first datagram).
/// </summary>
internal sealed class UdpDtlsEndpoint : IDtlsSender, IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private Task _receiveLoop = Task.CompletedTask;
    private volatile IPEndPoint? _peer;

    public UdpDtlsEndpoint(IPEndPoint? peer = null)
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _peer = peer;
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public DtlsTransport? Transport { get; set; }

    /// <summary>Received datagrams that start with a ClientHello fragment (handshake record, message type 1).</summary>
    public int ClientHelloFragmentCount => Volatile.Read(ref _clientHelloFragments);

    private int _clientHelloFragments;

    public static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    public void StartReceiving() => _receiveLoop = Task.Run(ReceiveLoopAsync);

    public void Send(ReadOnlySpan<byte> datagram)
    {
        if (_peer is { } peer)
        {
            _socket.SendTo(datagram, SocketFlags.None, peer);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _receiveLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the socket.
        }

        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        byte[] buffer = new byte[65536];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (SocketException) when (!_stop.IsCancellationRequested)
            {
                // An ICMP error reported on the socket (peer not listening yet): keep receiving.
                continue;
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _peer ??= (IPEndPoint)received.RemoteEndPoint;
            if (received.ReceivedBytes > 13 && buffer[0] == 22 && buffer[13] == 1)
            {
                Interlocked.Increment(ref _clientHelloFragments);
            }

            Transport?.OnDatagram(buffer.AsSpan(0, received.ReceivedBytes));
        }
    }
}
