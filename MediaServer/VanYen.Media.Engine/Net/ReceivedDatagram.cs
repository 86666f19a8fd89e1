using System.Net;

namespace VanYen.Media.Engine.Net;

/// <summary>
/// One datagram handed to an <see cref="IDatagramHandler"/>: its kind, its bytes (writable, so
/// SRTP can be unprotected in place), the sender's address and the transport to answer on.
/// Valid only during the handler call unless the buffer is taken with <see cref="TakeBuffer"/>.
/// </summary>
public readonly ref struct ReceivedDatagram
{
    private readonly PacketBuffer _buffer;
    private readonly ref bool _bufferTaken;

    internal ReceivedDatagram(PacketKind kind, PacketBuffer buffer, SocketAddress remote, IPacketTransport transport, ref bool bufferTaken)
    {
        Kind = kind;
        _buffer = buffer;
        Remote = remote;
        Transport = transport;
        _bufferTaken = ref bufferTaken;
    }

    /// <summary>What the first bytes say the datagram is (RFC 7983 §7).</summary>
    public PacketKind Kind { get; }

    /// <summary>The datagram's bytes in a pooled buffer.</summary>
    public Span<byte> Data => _buffer.Span;

    /// <summary>The datagram's length in bytes.</summary>
    public int Length => _buffer.Length;

    /// <summary>The sender's address. Reused by the next receive: copy it to keep it.</summary>
    public SocketAddress Remote { get; }

    /// <summary>The transport the datagram came in on; answers go out through it.</summary>
    public IPacketTransport Transport { get; }

    /// <summary>True once <see cref="TakeBuffer"/> was called.</summary>
    public bool IsBufferTaken => _bufferTaken;

    /// <summary>
    /// Takes ownership of the pooled buffer holding the datagram (its <see cref="PacketBuffer.Length"/>
    /// is the datagram length): the transport will not return it, the caller must call
    /// <see cref="PacketBuffer.Return"/> exactly once when done. Can be called once per datagram.
    /// </summary>
    public PacketBuffer TakeBuffer()
    {
        if (_bufferTaken)
        {
            throw new InvalidOperationException("The datagram's buffer was already taken.");
        }

        _bufferTaken = true;
        return _buffer;
    }
}
