using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Tests.Forwarding;

public sealed class RtpPacketCacheTests
{
    private const uint Ssrc = 0x1234_5678;

    [Fact]
    public void AStoredPacketIsFoundByItsSourceSsrcAndSequenceNumber()
    {
        var cache = new RtpPacketCache(64, 1500);
        byte[] packet = Packet(65_530, 0x42);
        lock (cache.SyncRoot)
        {
            Assert.True(cache.Store(packet, Ssrc, 65_530));
            Assert.True(cache.TryGet(Ssrc, 65_530, out ReadOnlySpan<byte> found));
            Assert.Equal(packet, found.ToArray());
            Assert.False(cache.TryGet(Ssrc + 1, 65_530, out _));
            Assert.False(cache.TryGet(Ssrc, 65_531, out _));
        }
    }

    [Fact]
    public void APacketIsForgottenWhenTheCacheWrapsAroundAcrossTheSequenceNumberWrap()
    {
        var cache = new RtpPacketCache(16, 1500);
        lock (cache.SyncRoot)
        {
            for (int i = 0; i < 20; i++)
            {
                ushort sequenceNumber = (ushort)(65_530 + i);
                cache.Store(Packet(sequenceNumber, (byte)i), Ssrc, sequenceNumber);
            }

            Assert.False(cache.TryGet(Ssrc, 65_530, out _));
            Assert.False(cache.TryGet(Ssrc, 65_533, out _));
            Assert.True(cache.TryGet(Ssrc, 65_534, out ReadOnlySpan<byte> oldest));
            Assert.Equal(4, oldest[^1]);
            Assert.True(cache.TryGet(Ssrc, 13, out ReadOnlySpan<byte> newest));
            Assert.Equal(19, newest[^1]);
        }
    }

    [Fact]
    public void APacketLongerThanASlotIsNotKeptAndClearsItsSlot()
    {
        var cache = new RtpPacketCache(16, 100);
        lock (cache.SyncRoot)
        {
            cache.Store(Packet(7, 1), Ssrc, 7);
            Assert.False(cache.Store(new byte[101], Ssrc, 23));
            Assert.False(cache.TryGet(Ssrc, 7, out _));
            Assert.False(cache.TryGet(Ssrc, 23, out _));
        }
    }

    [Fact]
    public void TheSizeMustBeAPowerOfTwo() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpPacketCache(500, 1500));

    [Fact]
    public void StoringAllocatesNothing()
    {
        var cache = new RtpPacketCache(512, 1500);
        byte[] packet = Packet(1, 9);
        ushort sequenceNumber = 0;
        Testing.AllocationBudget.AssertZero(() =>
        {
            lock (cache.SyncRoot)
            {
                cache.Store(packet, Ssrc, sequenceNumber);
                cache.TryGet(Ssrc, sequenceNumber++, out _);
            }
        });
    }

    private static byte[] Packet(ushort sequenceNumber, byte fill)
    {
        byte[] packet = new byte[112];
        RtpHeaderWriter.Write(packet, new RtpHeaderFields(96, false, sequenceNumber, 1000, Ssrc));
        packet.AsSpan(12).Fill(fill);
        return packet;
    }
}
