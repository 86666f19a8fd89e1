using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Net;

public class PacketBufferPoolTests
{
    [Fact]
    public void RentedBuffersCoverOneWholeSlotEach()
    {
        var pool = new PacketBufferPool(slotCount: 4, slotSize: 100);

        Assert.True(pool.TryRent(out PacketBuffer buffer));

        Assert.Equal(100, buffer.Length);
        Assert.Equal(100, buffer.Memory.Length);
        Assert.Equal(100, buffer.Span.Length);
        Assert.Equal(3, pool.Available);
    }

    [Fact]
    public void RentedSlotsDoNotOverlap()
    {
        const int slotCount = 16;
        var pool = new PacketBufferPool(slotCount, slotSize: 64);
        var buffers = new PacketBuffer[slotCount];
        for (int i = 0; i < slotCount; i++)
        {
            Assert.True(pool.TryRent(out buffers[i]));
            buffers[i].Span.Fill((byte)i);
        }

        for (int i = 0; i < slotCount; i++)
        {
            Assert.Equal(-1, buffers[i].Span.IndexOfAnyExcept((byte)i));
        }
    }

    [Fact]
    public void TryRentReturnsFalseAndCountsWhenEverySlotIsOut()
    {
        var pool = new PacketBufferPool(slotCount: 2);
        Assert.True(pool.TryRent(out PacketBuffer first));
        Assert.True(pool.TryRent(out _));

        Assert.False(pool.TryRent(out PacketBuffer none));
        Assert.False(pool.TryRent(out _));

        Assert.False(none.IsAllocated);
        Assert.Equal(2, pool.ExhaustedCount);
        Assert.Equal(0, pool.Available);

        first.Return();
        Assert.True(pool.TryRent(out _));
    }

    [Fact]
    public void ReturningTheSameBufferTwiceThrows()
    {
        var pool = new PacketBufferPool(slotCount: 2);
        Assert.True(pool.TryRent(out PacketBuffer buffer));
        buffer.Return();

        Assert.Throws<InvalidOperationException>(buffer.Return);
        Assert.Equal(2, pool.Available);
    }

    [Fact]
    public void ReturningAStaleHandleToARentedAgainSlotThrows()
    {
        var pool = new PacketBufferPool(slotCount: 1);
        Assert.True(pool.TryRent(out PacketBuffer stale));
        stale.Return();
        Assert.True(pool.TryRent(out PacketBuffer current));

        Assert.Throws<InvalidOperationException>(stale.Return);

        current.Return();
        Assert.Equal(1, pool.Available);
    }

    [Fact]
    public void ReturningToAnotherPoolThrows()
    {
        var pool = new PacketBufferPool(slotCount: 1);
        var other = new PacketBufferPool(slotCount: 1);
        Assert.True(pool.TryRent(out PacketBuffer buffer));

        Assert.Throws<ArgumentException>(() => other.Return(buffer));
        Assert.Throws<ArgumentException>(() => pool.Return(default));
    }

    [Fact]
    public void WithLengthNarrowsTheViewAndStillReturnsTheSlot()
    {
        var pool = new PacketBufferPool(slotCount: 1, slotSize: 50);
        Assert.True(pool.TryRent(out PacketBuffer buffer));

        PacketBuffer datagram = buffer.WithLength(20);

        Assert.Equal(20, datagram.Span.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.WithLength(51));
        datagram.Return();
        Assert.Equal(1, pool.Available);
    }

    [Theory]
    [InlineData(0, 2048)]
    [InlineData(PacketBufferPool.MaxSlotCount + 1, 16)]
    [InlineData(16, 0)]
    [InlineData(16, PacketBufferPool.MaxSlotSize + 1)]
    [InlineData(PacketBufferPool.MaxSlotCount, PacketBufferPool.MaxSlotSize)]
    public void ConstructorRejectsCountsAndSizesOutOfBounds(int slotCount, int slotSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacketBufferPool(slotCount, slotSize));
    }

    [Fact]
    public async Task ConcurrentRentAndReturnNeverHandsOutASlotTwice()
    {
        const int slotCount = 8;
        const int iterationsPerThread = 200_000;
        var pool = new PacketBufferPool(slotCount, slotSize: 16);
        int collisions = 0;

        void Worker(byte mark)
        {
            for (int i = 0; i < iterationsPerThread; i++)
            {
                if (!pool.TryRent(out PacketBuffer buffer))
                {
                    continue;
                }

                // Mark the slot; if anyone else holds it, one of us sees the other's mark.
                buffer.Span.Fill(mark);
                if (buffer.Span.IndexOfAnyExcept(mark) >= 0)
                {
                    Interlocked.Increment(ref collisions);
                }

                buffer.Return();
            }
        }

        Task[] workers = new Task[4];
        for (int w = 0; w < workers.Length; w++)
        {
            byte mark = (byte)(w + 1);
            workers[w] = Task.Factory.StartNew(() => Worker(mark), TaskCreationOptions.LongRunning);
        }

        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, collisions);
        Assert.Equal(slotCount, pool.Available);
        // The free stack survived intact: every slot can be rented once, and they are distinct.
        var buffers = new PacketBuffer[slotCount];
        for (int i = 0; i < slotCount; i++)
        {
            Assert.True(pool.TryRent(out buffers[i]));
            buffers[i].Span.Fill((byte)i);
        }

        for (int i = 0; i < slotCount; i++)
        {
            Assert.Equal(-1, buffers[i].Span.IndexOfAnyExcept((byte)i));
        }

        Assert.False(pool.TryRent(out _));
    }

    [Fact]
    public void RentAndReturnAllocatesNothing()
    {
        var pool = new PacketBufferPool(slotCount: 4);

        AllocationBudget.AssertZero(() =>
        {
            if (pool.TryRent(out PacketBuffer buffer))
            {
                buffer.Span[0] = 0x80;
                buffer.Return();
            }
        });

        Assert.Equal(4, pool.Available);
    }

    [Fact]
    public void FailedRentAllocatesNothing()
    {
        var pool = new PacketBufferPool(slotCount: 1);
        Assert.True(pool.TryRent(out _));

        AllocationBudget.AssertZero(() => pool.TryRent(out _));

        Assert.Equal(11_000, pool.ExhaustedCount);
    }
}
