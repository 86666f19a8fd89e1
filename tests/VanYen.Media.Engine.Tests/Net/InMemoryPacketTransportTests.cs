using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Net;

public class InMemoryPacketTransportTests
{
    [Fact]
    public void TrySendDeliversAClassifiedCopyToThePeerHandler()
    {
        var received = new RecordingDatagramHandler(16);
        var (first, second) = InMemoryPacketTransport.CreatePair(new RecordingDatagramHandler(16), received);
        using (first)
        using (second)
        {
            byte[] rtp = TestDatagrams.Rtp(42);

            Assert.True(first.TrySend(rtp, second.LocalAddress));
            Assert.True(first.TrySend(TestDatagrams.Stun(), second.LocalAddress));

            Assert.Equal(2, received.Count);
            Assert.Equal(PacketKind.Rtp, received.KindAt(0));
            Assert.Equal(42, received.SequenceAt(0));
            Assert.True(received.IsIntactAt(0));
            Assert.Equal(PacketKind.Stun, received.KindAt(1));
            Assert.Equal(2, first.Counters.PacketsSent);
            Assert.Equal(rtp.Length + 20, first.Counters.BytesSent);
            Assert.Equal(2, second.Counters.PacketsReceived);
            Assert.Equal(rtp.Length + 20, second.Counters.BytesReceived);
            Assert.Equal(second.Pool.SlotCount, second.Pool.Available);
        }
    }

    [Fact]
    public void SendBatchDeliversEachDatagramInOrderAndMarksTheOnesThatFailed()
    {
        var received = new RecordingDatagramHandler(16);
        var (first, second) = InMemoryPacketTransport.CreatePair(new RecordingDatagramHandler(16), received);
        using (first)
        using (second)
        {
            var batch = new PacketSendBatch(capacity: 4);
            Assert.True(batch.TryAdd(TestDatagrams.Rtp(1), second.LocalAddress));
            Assert.True(batch.TryAdd(TestDatagrams.Rtp(2), first.LocalAddress));
            Assert.True(batch.TryAdd(TestDatagrams.Rtp(3), second.LocalAddress));

            Assert.Equal(2, first.SendBatch(batch));

            Assert.True(batch.WasSent(0));
            Assert.False(batch.WasSent(1));
            Assert.True(batch.WasSent(2));
            Assert.Equal(2, received.Count);
            Assert.Equal(1, received.SequenceAt(0));
            Assert.Equal(3, received.SequenceAt(1));
            Assert.Equal(2, first.Counters.PacketsSent);
            Assert.Equal(1, first.Counters.SendErrors);
        }
    }

    [Fact]
    public void HandlerSeesTheSenderAddressAndCanAnswerThroughItsTransport()
    {
        var firstHandler = new RecordingDatagramHandler(16);
        var (first, second) = InMemoryPacketTransport.CreatePair(firstHandler, new RecordingDatagramHandler(16) { Echo = true });
        using (first)
        using (second)
        {
            Assert.True(first.TrySend(TestDatagrams.Rtp(9), second.LocalAddress));

            Assert.Equal(1, firstHandler.Count);
            Assert.Equal(9, firstHandler.SequenceAt(0));
            Assert.Equal(1, second.Counters.PacketsSent);
        }
    }

    [Fact]
    public void MalformedDatagramsAreCountedAndNotHandled()
    {
        var received = new RecordingDatagramHandler(16);
        var (first, second) = InMemoryPacketTransport.CreatePair(new RecordingDatagramHandler(16), received);
        using (first)
        using (second)
        {
            Assert.True(first.TrySend(TestDatagrams.Starting(0x05), second.LocalAddress));
            Assert.True(first.TrySend(TestDatagrams.Starting(0x70), second.LocalAddress));
            Assert.True(first.TrySend(TestDatagrams.Starting(0xC0), second.LocalAddress));

            Assert.Equal(0, received.Count);
            Assert.Equal(3, second.Counters.DroppedMalformed);
            Assert.Equal(3, second.Counters.PacketsReceived);
            Assert.Equal(second.Pool.SlotCount, second.Pool.Available);
        }
    }

    [Fact]
    public void TrySendToAnAddressOtherThanThePeerFailsAndCounts()
    {
        var (first, second) = InMemoryPacketTransport.CreatePair(new RecordingDatagramHandler(16), new RecordingDatagramHandler(16));
        using (first)
        using (second)
        {
            Assert.False(first.TrySend(TestDatagrams.Rtp(1), first.LocalAddress));

            Assert.Equal(1, first.Counters.SendErrors);
            Assert.Equal(0, first.Counters.PacketsSent);
            Assert.Equal(0, second.Counters.PacketsReceived);
        }
    }

    [Fact]
    public void HandlerExceptionsAreCountedAndTheBufferIsReturned()
    {
        var received = new RecordingDatagramHandler(16) { ThrowEvery = 1 };
        var (first, second) = InMemoryPacketTransport.CreatePair(new RecordingDatagramHandler(16), received);
        using (first)
        using (second)
        {
            Assert.True(first.TrySend(TestDatagrams.Rtp(1), second.LocalAddress));
            Assert.True(first.TrySend(TestDatagrams.Rtp(2), second.LocalAddress));

            Assert.Equal(2, received.Count);
            Assert.Equal(2, second.Counters.HandlerErrors);
            Assert.Equal(second.Pool.SlotCount, second.Pool.Available);
        }
    }

    [Fact]
    public void TakenBuffersStayWithTheHandlerUntilReturnedAndExhaustionDropsAndCounts()
    {
        var received = new RecordingDatagramHandler(16) { HoldBuffers = true };
        var (first, second) = InMemoryPacketTransport.CreatePair(new RecordingDatagramHandler(16), received, packetBufferCount: 2);
        using (first)
        using (second)
        {
            for (ushort sequence = 0; sequence < 3; sequence++)
            {
                first.TrySend(TestDatagrams.Rtp(sequence), second.LocalAddress);
            }

            Assert.Equal(2, received.HeldCount);
            Assert.Equal(0, second.Pool.Available);
            Assert.Equal(1, second.Counters.DroppedPoolExhausted);

            received.ReleaseHeldBuffers();
            Assert.Equal(2, second.Pool.Available);
        }
    }

    [Fact]
    public void DatagramsNotShorterThanAPacketBufferAreDroppedAsOversize()
    {
        var received = new RecordingDatagramHandler(16);
        var (first, second) = InMemoryPacketTransport.CreatePair(new RecordingDatagramHandler(16), received);
        using (first)
        using (second)
        {
            int slotSize = second.Pool.SlotSize;
            Assert.True(first.TrySend(TestDatagrams.Rtp(1, payloadLength: slotSize - 16), second.LocalAddress));
            Assert.True(first.TrySend(TestDatagrams.Rtp(2, payloadLength: slotSize - 17), second.LocalAddress));

            Assert.Equal(1, second.Counters.DroppedOversize);
            Assert.Equal(1, received.Count);
            Assert.Equal(2, received.SequenceAt(0));
        }
    }

    [Fact]
    public void SendToHandlerAllocatesNothing()
    {
        var received = new RecordingDatagramHandler(capacity: 1);
        var counting = new CountingHandler();
        var (first, second) = InMemoryPacketTransport.CreatePair(received, counting);
        using (first)
        using (second)
        {
            byte[] rtp = TestDatagrams.Rtp(5);
            var remote = second.LocalAddress;

            AllocationBudget.AssertZero(() => first.TrySend(rtp, remote));

            Assert.Equal(11_000, counting.Count);
            Assert.Equal(11_000, second.Counters.PacketsReceived);
        }
    }

    private sealed class CountingHandler : IDatagramHandler
    {
        public int Count { get; private set; }

        public void OnDatagram(ReceivedDatagram datagram)
        {
            if (datagram.Kind == PacketKind.Rtp && datagram.Data[0] == 0x80)
            {
                Count++;
            }
        }
    }
}
