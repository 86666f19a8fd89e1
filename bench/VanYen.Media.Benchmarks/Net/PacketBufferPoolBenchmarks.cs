using System.Buffers;
using BenchmarkDotNet.Attributes;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Benchmarks.Net;

/// <summary>Rent + return of one packet buffer, against <see cref="ArrayPool{T}.Shared"/> as the everyday alternative.</summary>
[MemoryDiagnoser]
public class PacketBufferPoolBenchmarks
{
    private readonly PacketBufferPool _pool = new(slotCount: 1024);
    private readonly PacketBuffer[] _held = new PacketBuffer[8];

    [Benchmark(Baseline = true)]
    public int ArrayPoolRentReturn()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(PacketBufferPool.DefaultSlotSize);
        buffer[0] = 0x80;
        int length = buffer.Length;
        ArrayPool<byte>.Shared.Return(buffer);
        return length;
    }

    [Benchmark]
    public int PacketBufferPoolRentReturn()
    {
        if (!_pool.TryRent(out PacketBuffer buffer))
        {
            return 0;
        }

        buffer.Span[0] = 0x80;
        int length = buffer.Length;
        buffer.Return();
        return length;
    }

    [Benchmark]
    public int PacketBufferPoolRentReturnEight()
    {
        // A burst: several datagrams held at once, as when handlers keep buffers for a while.
        int total = 0;
        PacketBuffer[] held = _held;
        for (int i = 0; i < held.Length; i++)
        {
            _pool.TryRent(out held[i]);
            total += held[i].Length;
        }

        for (int i = 0; i < held.Length; i++)
        {
            held[i].Return();
        }

        return total;
    }
}
