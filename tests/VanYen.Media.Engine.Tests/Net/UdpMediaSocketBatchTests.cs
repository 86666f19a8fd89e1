using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Net;

/// <summary><see cref="UdpMediaSocket.SendBatch"/> over real sockets on loopback (sendmmsg on Linux).</summary>
public class UdpMediaSocketBatchTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task EveryReceiverGetsExactlyItsOwnDatagramsInOrder(string loopback)
    {
        IPAddress address = IPAddress.Parse(loopback);
        await using UdpMediaSocket server = UdpMediaSocket.Bind(new IPEndPoint(address, 0), new RecordingDatagramHandler(4), new UdpMediaSocketOptions { DualMode = false });
        Socket[] clients = CreateClients(150, address);
        try
        {
            // 150 datagrams in batches of 64: three sendmmsg calls per round, the last one partial.
            var batch = new PacketSendBatch();
            for (int round = 0; round < 2; round++)
            {
                int sent = 0;
                for (int i = 0; i < clients.Length; i++)
                {
                    Assert.True(batch.TryAdd(Datagram(round, i), clients[i].LocalEndPoint!.Serialize()));
                    if (batch.IsFull || i == clients.Length - 1)
                    {
                        int count = batch.Count;
                        Assert.Equal(count, server.SendBatch(batch));
                        for (int slot = 0; slot < count; slot++)
                        {
                            Assert.True(batch.WasSent(slot));
                        }

                        sent += count;
                        batch.Clear();
                    }
                }

                Assert.Equal(clients.Length, sent);
            }

            byte[] received = new byte[64];
            for (int i = 0; i < clients.Length; i++)
            {
                for (int round = 0; round < 2; round++)
                {
                    int length = clients[i].Receive(received);
                    Assert.Equal(Datagram(round, i), received.AsSpan(0, length).ToArray());
                }
            }

            Assert.Equal(2 * clients.Length, server.Counters.PacketsSent);
            Assert.Equal(2 * clients.Length * Datagram(0, 0).Length, server.Counters.BytesSent);
            Assert.Equal(0, server.Counters.SendErrors);
        }
        finally
        {
            Dispose(clients);
        }
    }

    [Fact]
    public async Task ADualModeSocketSendsOneBatchToIPv4AndIPv6Receivers()
    {
        await using UdpMediaSocket server = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0), new RecordingDatagramHandler(4), new UdpMediaSocketOptions { DualMode = true });
        using Socket ipv4 = SocketTesting.CreateClient(IPAddress.Loopback);
        using Socket ipv6 = SocketTesting.CreateClient(IPAddress.IPv6Loopback);
        var batch = new PacketSendBatch(capacity: 4);

        // A plain IPv4 address (not mapped by CreateRemoteAddress) must still reach its receiver.
        Assert.True(batch.TryAdd(Datagram(0, 4), ipv4.LocalEndPoint!.Serialize()));
        Assert.True(batch.TryAdd(Datagram(0, 6), ipv6.LocalEndPoint!.Serialize()));
        Assert.Equal(2, server.SendBatch(batch));

        byte[] received = new byte[64];
        Assert.Equal(Datagram(0, 4), received.AsSpan(0, ipv4.Receive(received)).ToArray());
        Assert.Equal(Datagram(0, 6), received.AsSpan(0, ipv6.Receive(received)).ToArray());
        Assert.Equal(0, server.Counters.SendErrors);
    }

    [Fact]
    public async Task ADatagramTheKernelRefusesIsCountedAndTheOthersStillGo()
    {
        await using UdpMediaSocket server = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), new RecordingDatagramHandler(4), new UdpMediaSocketOptions { DualMode = false });
        Socket[] clients = CreateClients(3, IPAddress.Loopback);
        try
        {
            // An IPv4-only socket cannot send to an IPv6 address (EAFNOSUPPORT): those two fail alone.
            SocketAddress unreachable = new IPEndPoint(IPAddress.IPv6Loopback, 9).Serialize();
            var batch = new PacketSendBatch(capacity: 8);
            Assert.True(batch.TryAdd(Datagram(0, 0), clients[0].LocalEndPoint!.Serialize()));
            Assert.True(batch.TryAdd(Datagram(0, 100), unreachable));
            Assert.True(batch.TryAdd(Datagram(0, 1), clients[1].LocalEndPoint!.Serialize()));
            Assert.True(batch.TryAdd(Datagram(0, 101), unreachable));
            Assert.True(batch.TryAdd(Datagram(0, 2), clients[2].LocalEndPoint!.Serialize()));

            Assert.Equal(3, server.SendBatch(batch));

            Assert.Equal([true, false, true, false, true], [batch.WasSent(0), batch.WasSent(1), batch.WasSent(2), batch.WasSent(3), batch.WasSent(4)]);
            Assert.Equal(3, server.Counters.PacketsSent);
            Assert.Equal(2, server.Counters.SendErrors);
            byte[] received = new byte[64];
            for (int i = 0; i < clients.Length; i++)
            {
                Assert.Equal(Datagram(0, i), received.AsSpan(0, clients[i].Receive(received)).ToArray());
            }
        }
        finally
        {
            Dispose(clients);
        }
    }

    [Fact]
    public async Task SendingABatchAllocatesNothing()
    {
        await using UdpMediaSocket server = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), new RecordingDatagramHandler(4), new UdpMediaSocketOptions { DualMode = false });
        using Socket client = SocketTesting.CreateClient(IPAddress.Loopback);
        SocketAddress remote = client.LocalEndPoint!.Serialize();
        byte[] datagram = Datagram(0, 1);
        var batch = new PacketSendBatch(capacity: 8);

        // Nobody reads the client: loopback drops what overflows its buffer, the sender is not told.
        AllocationBudget.AssertZero(
            () =>
            {
                for (int i = 0; i < 8; i++)
                {
                    batch.TryAdd(datagram, remote);
                }

                server.SendBatch(batch);
                batch.Clear();
            },
            iterations: 1_000);

        Assert.Equal(8 * 2_000, server.Counters.PacketsSent);
    }

    private static byte[] Datagram(int round, int receiver)
    {
        byte[] datagram = new byte[24];
        datagram.AsSpan().Fill((byte)(receiver + round));
        BinaryPrimitives.WriteInt32BigEndian(datagram, round);
        BinaryPrimitives.WriteInt32BigEndian(datagram.AsSpan(4), receiver);
        return datagram;
    }

    private static Socket[] CreateClients(int count, IPAddress address)
    {
        var clients = new Socket[count];
        for (int i = 0; i < count; i++)
        {
            clients[i] = SocketTesting.CreateClient(address);
        }

        return clients;
    }

    private static void Dispose(Socket[] clients)
    {
        foreach (Socket client in clients)
        {
            client?.Dispose();
        }
    }
}
