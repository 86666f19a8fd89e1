using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Engine.Tests.Net;

/// <summary>Client sockets and allocation-free waits for the real-socket tests.</summary>
internal static class SocketTesting
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A UDP client bound to <paramref name="address"/>:0 with a receive timeout.</summary>
    public static Socket CreateClient(IPAddress address)
    {
        var client = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveTimeout = (int)Timeout.TotalMilliseconds,
            SendBufferSize = 1024 * 1024,
        };
        client.Bind(new IPEndPoint(address, 0));
        return client;
    }

    /// <summary>The address a client reaches <paramref name="socket"/> at over <paramref name="loopback"/>.</summary>
    public static SocketAddress TargetOf(UdpMediaSocket socket, IPAddress loopback) =>
        new IPEndPoint(loopback, socket.Port).Serialize();

    public static long Deadline() => Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Spins until the socket has read <paramref name="target"/> datagrams; allocates nothing.</summary>
    public static void WaitForReceived(MediaSocketCounters counters, long target, long deadline)
    {
        var spinner = default(SpinWait);
        while (counters.PacketsReceived < target)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"received {counters.PacketsReceived} of {target} datagrams before the deadline");
            }

            spinner.SpinOnce();
        }
    }

    /// <summary>
    /// Spins until <paramref name="handler"/> has seen <paramref name="target"/> datagrams: the socket counts a datagram
    /// just before its handler runs, so <see cref="WaitForReceived"/> alone may return a moment before the handler did.
    /// </summary>
    public static void WaitForHandled(RecordingDatagramHandler handler, int target)
    {
        long deadline = Deadline();
        var spinner = default(SpinWait);
        while (handler.Count < target)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the handler saw {handler.Count} of {target} datagrams before the deadline");
            }

            spinner.SpinOnce();
        }
    }

    /// <summary>
    /// Sends <paramref name="count"/> RTP datagrams with sequence numbers from <paramref name="firstSequence"/>,
    /// never more than <paramref name="window"/> ahead of what the socket has read, so none overflow the
    /// receive buffer; allocates nothing.
    /// </summary>
    public static void SendRtpPaced(Socket client, SocketAddress target, MediaSocketCounters counters, int count, int firstSequence = 0, int window = 128)
    {
        Span<byte> datagram = stackalloc byte[TestDatagrams.RtpHeaderLength + 160 + 4];
        long alreadyReceived = counters.PacketsReceived;
        long deadline = Deadline();
        for (int i = 0; i < count; i++)
        {
            int length = TestDatagrams.WriteRtp(datagram, (ushort)(firstSequence + i));
            client.SendTo(datagram[..length], SocketFlags.None, target);
            if (i >= window)
            {
                WaitForReceived(counters, alreadyReceived + i - window, deadline);
            }
        }

        WaitForReceived(counters, alreadyReceived + count, deadline);
    }
}
