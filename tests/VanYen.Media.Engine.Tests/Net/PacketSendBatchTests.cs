using System.Net;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Engine.Tests.Net;

public class PacketSendBatchTests
{
    private readonly SocketAddress _first = new IPEndPoint(IPAddress.Loopback, 40001).Serialize();
    private readonly SocketAddress _second = new IPEndPoint(IPAddress.IPv6Loopback, 40002).Serialize();

    [Fact]
    public void AddCommitsWhatWasWrittenIntoTheNextSlot()
    {
        var batch = new PacketSendBatch(capacity: 4, slotSize: 32);
        "abc"u8.CopyTo(batch.NextSlot);
        batch.Add(3, _first);
        Assert.True(batch.TryAdd("defgh"u8, _second));

        Assert.Equal(2, batch.Count);
        Assert.Equal("abc"u8.ToArray(), batch.GetDatagram(0).ToArray());
        Assert.Equal("defgh"u8.ToArray(), batch.GetDatagram(1).ToArray());
        Assert.Same(_first, batch.GetRemote(0));
        Assert.Same(_second, batch.GetRemote(1));
        Assert.False(batch.WasSent(0));
        Assert.Equal(32, batch.NextSlot.Length);
    }

    [Fact]
    public void AFullBatchRefusesMoreUntilCleared()
    {
        var batch = new PacketSendBatch(capacity: 2, slotSize: 16);
        Assert.True(batch.TryAdd([1], _first));
        Assert.True(batch.TryAdd([2], _first));

        Assert.True(batch.IsFull);
        Assert.False(batch.TryAdd([3], _first));
        Assert.Throws<InvalidOperationException>(() => batch.NextSlot.Length);
        Assert.Throws<InvalidOperationException>(() => batch.Add(1, _first));

        batch.Clear();
        Assert.Equal(0, batch.Count);
        Assert.False(batch.IsFull);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.GetDatagram(0).Length);
        Assert.True(batch.TryAdd([4], _second));
        Assert.Equal([4], batch.GetDatagram(0).ToArray());
    }

    [Fact]
    public void ADatagramLongerThanASlotIsRefused()
    {
        var batch = new PacketSendBatch(capacity: 2, slotSize: 16);
        Assert.False(batch.TryAdd(new byte[17], _first));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Add(17, _first));
        Assert.Equal(0, batch.Count);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(PacketSendBatch.MaxCapacity + 1, 100)]
    [InlineData(4, 0)]
    public void ImpossibleSizesAreRefused(int capacity, int slotSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacketSendBatch(capacity, slotSize));
}
