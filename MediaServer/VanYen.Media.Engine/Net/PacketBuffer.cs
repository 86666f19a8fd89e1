namespace VanYen.Media.Engine.Net;

/// <summary>
/// A handle on one rented slot of a <see cref="PacketBufferPool"/>: a view of
/// <see cref="Length"/> bytes of pinned memory. Copying the handle does not copy
/// the bytes; return it exactly once with <see cref="Return"/>, then drop every copy.
/// </summary>
public readonly struct PacketBuffer
{
    private readonly PacketBufferPool? _pool;

    internal PacketBuffer(PacketBufferPool pool, int slot, int token, int length)
    {
        _pool = pool;
        Slot = slot;
        Token = token;
        Length = length;
    }

    /// <summary>False for <c>default</c>, which holds no memory.</summary>
    public bool IsAllocated => _pool is not null;

    /// <summary>How many bytes of the slot this handle covers (the datagram length after a receive).</summary>
    public int Length { get; }

    /// <summary>The pool the slot belongs to.</summary>
    public PacketBufferPool Pool => _pool ?? throw new InvalidOperationException("The packet buffer is not allocated.");

    /// <summary>The covered bytes, as memory (for asynchronous I/O or to keep beyond a call).</summary>
    public Memory<byte> Memory => _pool is null ? Memory<byte>.Empty : _pool.SlotMemory(Slot, Length);

    /// <summary>The covered bytes, as a span.</summary>
    public Span<byte> Span => _pool is null ? [] : _pool.SlotMemory(Slot, Length).Span;

    internal int Slot { get; }

    internal int Token { get; }

    /// <summary>Returns a handle on the same slot covering its first <paramref name="length"/> bytes.</summary>
    public PacketBuffer WithLength(int length)
    {
        PacketBufferPool pool = Pool;
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, pool.SlotSize);
        return new PacketBuffer(pool, Slot, Token, length);
    }

    /// <summary>Gives the slot back to its pool. Same as <see cref="PacketBufferPool.Return"/>.</summary>
    public void Return() => Pool.Return(this);
}
