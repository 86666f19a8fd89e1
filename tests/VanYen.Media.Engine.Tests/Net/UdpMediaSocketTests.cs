using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Net;

public class UdpMediaSocketTests
{
    public static TheoryData<string> Loopbacks => ["127.0.0.1", "::1"];

    public static TheoryData<string, bool> LoopbacksAndReceiveLoops => new()
    {
        { "127.0.0.1", false },
        { "::1", false },
        { "127.0.0.1", true },
        { "::1", true },
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Loopbacks))]
    public async Task BindOnPortZeroReportsTheChosenLocalEndPoint(string loopback)
    {
        if (!CanUse(loopback))
        {
            return;
        }

        IPAddress address = IPAddress.Parse(loopback);
        await using var media = UdpMediaSocket.Bind(new IPEndPoint(address, 0), new RecordingDatagramHandler(1), new UdpMediaSocketOptions { Name = "bind" });

        Assert.NotEqual(0, media.Port);
        Assert.Equal(address, media.LocalEndPoint.Address);
        Assert.Equal(media.Port, media.LocalEndPoint.Port);
        Assert.Equal("bind", media.Name);
        Assert.True(media.ReceiveBufferSize > 0);
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(LoopbacksAndReceiveLoops))]
    public async Task TenThousandRtpDatagramsAllArriveInOrderAndByteExact(string loopback, bool dedicatedReceiveThread)
    {
        if (!CanUse(loopback))
        {
            return;
        }

        const int count = 10_000;
        IPAddress address = IPAddress.Parse(loopback);
        var handler = new RecordingDatagramHandler(count);
        var media = UdpMediaSocket.Bind(new IPEndPoint(address, 0), handler, new UdpMediaSocketOptions { Name = "rtp", DedicatedReceiveThread = dedicatedReceiveThread });
        using Socket client = SocketTesting.CreateClient(address);
        int length = TestDatagrams.Rtp(0).Length;

        await Task.Run(() => SocketTesting.SendRtpPaced(client, SocketTesting.TargetOf(media, address), media.Counters, count));
        await media.DisposeAsync();

        Assert.Equal(count, handler.Count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(PacketKind.Rtp, handler.KindAt(i));
            Assert.Equal(i, handler.SequenceAt(i));
            Assert.True(handler.IsIntactAt(i), $"datagram {i} arrived altered");
            Assert.Equal(length, handler.LengthAt(i));
        }

        Assert.Equal(count, media.Counters.PacketsReceived);
        Assert.Equal((long)count * length, media.Counters.BytesReceived);
        Assert.Equal(0, media.Counters.DroppedMalformed);
        Assert.Equal(0, media.Counters.DroppedPoolExhausted);
        Assert.Equal(0, media.Counters.HandlerErrors);
        Assert.Equal(0, media.Counters.ReceiveErrors);
        Assert.Equal(media.Pool.SlotCount, media.Pool.Available);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EachKindIsClassifiedAndMalformedDatagramsAreDroppedAndCounted(bool dedicatedReceiveThread)
    {
        var handler = new RecordingDatagramHandler(16);
        await using var media = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), handler, Options(dedicatedReceiveThread));
        using Socket client = SocketTesting.CreateClient(IPAddress.Loopback);
        SocketAddress target = SocketTesting.TargetOf(media, IPAddress.Loopback);
        byte[][] datagrams =
        [
            TestDatagrams.Stun(),
            TestDatagrams.Starting(0x05),
            TestDatagrams.Dtls(),
            TestDatagrams.Starting(0x70),
            TestDatagrams.Rtp(3),
            TestDatagrams.Starting(0xC0, 0xC8),
            TestDatagrams.Rtcp(),
            TestDatagrams.Starting(0xFF),
            TestDatagrams.TurnChannel(),
            [0x80, 0x6F, 0x00],
            TestDatagrams.Zrtp(),
        ];

        foreach (byte[] datagram in datagrams)
        {
            client.SendTo(datagram, SocketFlags.None, target);
        }

        await Task.Run(() => SocketTesting.WaitForReceived(media.Counters, datagrams.Length, SocketTesting.Deadline()));

        PacketKind[] expected = [PacketKind.Stun, PacketKind.Dtls, PacketKind.Rtp, PacketKind.Rtcp, PacketKind.TurnChannel, PacketKind.Zrtp];
        await Task.Run(() => SocketTesting.WaitForHandled(handler, expected.Length));
        Assert.Equal(expected.Length, handler.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], handler.KindAt(i));
        }

        Assert.Equal(3, handler.SequenceAt(2));
        Assert.Equal(5, media.Counters.DroppedMalformed);
        Assert.Equal(datagrams.Length, media.Counters.PacketsReceived);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HandlerThrowingOnEveryTenthDatagramDoesNotStopTheLoop(bool dedicatedReceiveThread)
    {
        var handler = new RecordingDatagramHandler(1_000) { ThrowEvery = 10 };
        var logger = new CountingLogger();
        await using var media = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), handler, Options(dedicatedReceiveThread), logger);
        using Socket client = SocketTesting.CreateClient(IPAddress.Loopback);
        SocketAddress target = SocketTesting.TargetOf(media, IPAddress.Loopback);

        await Task.Run(() => SocketTesting.SendRtpPaced(client, target, media.Counters, 100));
        await Task.Run(() => SocketTesting.SendRtpPaced(client, target, media.Counters, 5, firstSequence: 100));
        await Task.Run(() => SocketTesting.WaitForHandled(handler, 105));

        Assert.Equal(105, handler.Count);
        Assert.Equal(10, media.Counters.HandlerErrors);
        Assert.Equal(10, logger.Warnings);
        Assert.Equal(104, handler.SequenceAt(104));
        Assert.False(media.Completion.IsCompleted);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HeldBuffersExhaustThePoolThenDatagramsAreDroppedAndCountedUntilReturned(bool dedicatedReceiveThread)
    {
        const int slots = 8;
        var handler = new RecordingDatagramHandler(100) { HoldBuffers = true };
        await using var media = UdpMediaSocket.Bind(
            new IPEndPoint(IPAddress.Loopback, 0),
            handler,
            new UdpMediaSocketOptions { DedicatedReceiveThread = dedicatedReceiveThread, Name = "exhaustion", PacketBufferCount = slots });
        using Socket client = SocketTesting.CreateClient(IPAddress.Loopback);
        SocketAddress target = SocketTesting.TargetOf(media, IPAddress.Loopback);

        await Task.Run(() => SocketTesting.SendRtpPaced(client, target, media.Counters, slots));
        await Task.Run(() => SocketTesting.WaitForHandled(handler, slots));
        Assert.Equal(slots, handler.HeldCount);
        Assert.Equal(0, media.Pool.Available);

        await Task.Run(() => SocketTesting.SendRtpPaced(client, target, media.Counters, 20, firstSequence: slots));
        Assert.Equal(20, media.Counters.DroppedPoolExhausted);
        Assert.Equal(slots, handler.Count);

        // The loop is waiting on its overflow buffer now; returned slots are used from the next datagram on.
        handler.ReleaseHeldBuffers();
        await Task.Run(() => SocketTesting.SendRtpPaced(client, target, media.Counters, 5, firstSequence: 100));
        await Task.Run(() => SocketTesting.WaitForHandled(handler, slots + 5));

        Assert.Equal(slots + 5, handler.Count);
        Assert.Equal(100, handler.SequenceAt(slots));
        Assert.True(handler.IsIntactAt(slots));
        Assert.Equal(20, media.Counters.DroppedPoolExhausted);
        Assert.Equal(slots + 20 + 5, media.Counters.PacketsReceived);
        handler.ReleaseHeldBuffers();
    }

    [Fact(Timeout = 30_000)]
    public async Task TrySendDeliversToAClientAndCounts()
    {
        await using var media = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), new RecordingDatagramHandler(1));
        using Socket client = SocketTesting.CreateClient(IPAddress.Loopback);
        byte[] rtp = TestDatagrams.Rtp(77);

        Assert.True(media.TrySend(rtp, media.CreateRemoteAddress((IPEndPoint)client.LocalEndPoint!)));

        byte[] received = new byte[2048];
        int length = await client.ReceiveAsync(received.AsMemory()).AsTask().WaitAsync(SocketTesting.Timeout);
        Assert.Equal(rtp, received.AsSpan(0, length).ToArray());
        Assert.Equal(1, media.Counters.PacketsSent);
        Assert.Equal(rtp.Length, media.Counters.BytesSent);
        Assert.Equal(0, media.Counters.SendErrors);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HandlerAnswersTheSenderThroughTheTransportItWasGiven(bool dedicatedReceiveThread)
    {
        await using var media = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), new RecordingDatagramHandler(16) { Echo = true }, Options(dedicatedReceiveThread));
        using Socket client = SocketTesting.CreateClient(IPAddress.Loopback);
        byte[] stun = TestDatagrams.Stun();

        client.SendTo(stun, SocketFlags.None, SocketTesting.TargetOf(media, IPAddress.Loopback));

        byte[] received = new byte[2048];
        int length = await client.ReceiveAsync(received.AsMemory()).AsTask().WaitAsync(SocketTesting.Timeout);
        Assert.Equal(stun, received.AsSpan(0, length).ToArray());
        await Eventually.EqualAsync(1, () => media.Counters.PacketsSent);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DualModeSocketReceivesFromIPv4AndIPv6ClientsAndAnswersBoth(bool dedicatedReceiveThread)
    {
        if (!Socket.OSSupportsIPv6)
        {
            return;
        }

        var handler = new RecordingDatagramHandler(16) { Echo = true };
        await using var media = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0), handler, new UdpMediaSocketOptions { DedicatedReceiveThread = dedicatedReceiveThread, Name = "dual" });
        using Socket client4 = SocketTesting.CreateClient(IPAddress.Loopback);
        using Socket client6 = SocketTesting.CreateClient(IPAddress.IPv6Loopback);

        client4.SendTo(TestDatagrams.Rtp(4), SocketFlags.None, SocketTesting.TargetOf(media, IPAddress.Loopback));
        client6.SendTo(TestDatagrams.Rtp(6), SocketFlags.None, SocketTesting.TargetOf(media, IPAddress.IPv6Loopback));

        byte[] received = new byte[2048];
        int length4 = await client4.ReceiveAsync(received.AsMemory()).AsTask().WaitAsync(SocketTesting.Timeout);
        Assert.True(TestDatagrams.TryReadRtp(received.AsSpan(0, length4), out ushort sequence4));
        int length6 = await client6.ReceiveAsync(received.AsMemory()).AsTask().WaitAsync(SocketTesting.Timeout);
        Assert.True(TestDatagrams.TryReadRtp(received.AsSpan(0, length6), out ushort sequence6));
        Assert.Equal(4, sequence4);
        Assert.Equal(6, sequence6);
        Assert.Equal(2, handler.Count);
        SpinWait.SpinUntil(() => media.Counters.PacketsSent >= 2, SocketTesting.Timeout);
        Assert.Equal(2, media.Counters.PacketsSent);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DisposeStopsTheLoopPromptlyAndSendsAfterwardsFail(bool dedicatedReceiveThread)
    {
        var media = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), new RecordingDatagramHandler(1), Options(dedicatedReceiveThread));
        using Socket client = SocketTesting.CreateClient(IPAddress.Loopback);
        SocketAddress clientAddress = media.CreateRemoteAddress((IPEndPoint)client.LocalEndPoint!);

        await media.DisposeAsync().AsTask().WaitAsync(SocketTesting.Timeout);

        Assert.True(media.Completion.IsCompletedSuccessfully);
        Assert.False(media.TrySend(TestDatagrams.Rtp(1), clientAddress));
        Assert.Equal(1, media.Counters.SendErrors);
        Assert.Equal(media.Pool.SlotCount, media.Pool.Available);
        await media.DisposeAsync();
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DatagramsNotShorterThanAPacketBufferAreDroppedAsOversize(bool dedicatedReceiveThread)
    {
        var handler = new RecordingDatagramHandler(16);
        await using var media = UdpMediaSocket.Bind(
            new IPEndPoint(IPAddress.Loopback, 0),
            handler,
            new UdpMediaSocketOptions { DedicatedReceiveThread = dedicatedReceiveThread, Name = "oversize", PacketBufferSize = 256 });
        using Socket client = SocketTesting.CreateClient(IPAddress.Loopback);
        SocketAddress target = SocketTesting.TargetOf(media, IPAddress.Loopback);

        // RTP test datagrams are 16 bytes longer than their payload.
        client.SendTo(TestDatagrams.Rtp(1, payloadLength: 600), SocketFlags.None, target);
        client.SendTo(TestDatagrams.Rtp(2, payloadLength: 240), SocketFlags.None, target);
        client.SendTo(TestDatagrams.Rtp(3, payloadLength: 239), SocketFlags.None, target);
        await Task.Run(() => SocketTesting.WaitForReceived(media.Counters, 3, SocketTesting.Deadline()));
        await Task.Run(() => SocketTesting.WaitForHandled(handler, 1));

        Assert.Equal(2, media.Counters.DroppedOversize);
        Assert.Equal(1, handler.Count);
        Assert.Equal(3, handler.SequenceAt(0));
        Assert.True(handler.IsIntactAt(0));
        Assert.Equal(255, handler.LengthAt(0));
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendingToAClosedPortDoesNotStopReceiving(bool dedicatedReceiveThread)
    {
        var handler = new RecordingDatagramHandler(16);
        await using var media = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), handler, Options(dedicatedReceiveThread));
        SocketAddress closed;
        using (Socket gone = SocketTesting.CreateClient(IPAddress.Loopback))
        {
            closed = media.CreateRemoteAddress((IPEndPoint)gone.LocalEndPoint!);
        }

        using Socket client = SocketTesting.CreateClient(IPAddress.Loopback);
        media.TrySend(TestDatagrams.Rtp(1), closed);
        media.TrySend(TestDatagrams.Rtp(2), closed);
        await Task.Run(() => SocketTesting.SendRtpPaced(client, SocketTesting.TargetOf(media, IPAddress.Loopback), media.Counters, 3));
        await Task.Run(() => SocketTesting.WaitForHandled(handler, 3));

        Assert.Equal(3, handler.Count);
        Assert.False(media.Completion.IsCompleted);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnEmptyDatagramIsDroppedAsMalformedAndTheNextOneArrives(bool dedicatedReceiveThread)
    {
        // An empty datagram is what makes FIONREAD say 0 while poll says readable: the receive thread must read it.
        var handler = new RecordingDatagramHandler(16);
        await using var media = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), handler, Options(dedicatedReceiveThread));
        using Socket client = SocketTesting.CreateClient(IPAddress.Loopback);
        SocketAddress target = SocketTesting.TargetOf(media, IPAddress.Loopback);

        client.SendTo(ReadOnlySpan<byte>.Empty, SocketFlags.None, target);
        client.SendTo(TestDatagrams.Rtp(9), SocketFlags.None, target);
        await Task.Run(() => SocketTesting.WaitForReceived(media.Counters, 2, SocketTesting.Deadline()));
        await Task.Run(() => SocketTesting.WaitForHandled(handler, 1));

        Assert.Equal(1, media.Counters.DroppedMalformed);
        Assert.Equal(1, handler.Count);
        Assert.Equal(9, handler.SequenceAt(0));
        Assert.True(handler.IsIntactAt(0));
    }

    private static UdpMediaSocketOptions Options(bool dedicatedReceiveThread) => new() { DedicatedReceiveThread = dedicatedReceiveThread };

    private static bool CanUse(string loopback) =>
        IPAddress.Parse(loopback).AddressFamily != AddressFamily.InterNetworkV6 || Socket.OSSupportsIPv6;

    private sealed class CountingLogger : ILogger
    {
        private int _warnings;

        public int Warnings => Volatile.Read(ref _warnings);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning && exception is not null)
            {
                Interlocked.Increment(ref _warnings);
            }
        }
    }
}
