using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>
/// The XOR-MAPPED-ADDRESS value (RFC 8489 §14.2) and the raw socket address layout it is read from and
/// written to, so that neither the reader nor the writer allocates an <see cref="IPAddress"/>.
/// </summary>
internal static class StunXorAddress
{
    internal const byte FamilyIPv4 = 0x01;
    internal const byte FamilyIPv6 = 0x02;
    internal const int IPv4ValueLength = 8;
    internal const int IPv6ValueLength = 20;

    // sockaddr_in / sockaddr_in6 share these offsets on Linux, Windows and the BSDs; only the first
    // two bytes (family, or length + family) differ, so they are copied from the runtime's own layout.
    private const int PortOffset = 2;
    private const int IPv4AddressOffset = 4;
    private const int IPv6AddressOffset = 8;
    private const int IPv4SocketAddressSize = 16;
    private const int IPv6SocketAddressSize = 28;

    private static readonly SocketAddress _ipv4Template = new IPEndPoint(IPAddress.Any, 0).Serialize();
    private static readonly SocketAddress _ipv6Template = new IPEndPoint(IPAddress.IPv6Any, 0).Serialize();

    /// <summary>Writes the value for <paramref name="address"/> (4 or 16 bytes) and returns its length.</summary>
    internal static int Encode(ReadOnlySpan<byte> address, ushort port, ReadOnlySpan<byte> transactionId, Span<byte> value)
    {
        value[0] = 0;
        value[1] = address.Length == 4 ? FamilyIPv4 : FamilyIPv6;
        BinaryPrimitives.WriteUInt16BigEndian(value.Slice(2), (ushort)(port ^ (StunMessage.MagicCookie >> 16)));
        Span<byte> xored = value.Slice(4, address.Length);
        address.CopyTo(xored);
        Xor(xored, transactionId);
        return 4 + address.Length;
    }

    /// <summary>Decodes a value into <paramref name="address"/> (at least 16 bytes); false if malformed.</summary>
    internal static bool TryDecode(
        ReadOnlySpan<byte> value, ReadOnlySpan<byte> transactionId, Span<byte> address, out int addressLength, out ushort port)
    {
        addressLength = 0;
        port = 0;
        if (value.Length == IPv4ValueLength && value[1] == FamilyIPv4)
        {
            addressLength = 4;
        }
        else if (value.Length == IPv6ValueLength && value[1] == FamilyIPv6)
        {
            addressLength = 16;
        }
        else
        {
            return false;
        }

        port = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(value.Slice(2)) ^ (StunMessage.MagicCookie >> 16));
        Span<byte> destination = address.Slice(0, addressLength);
        value.Slice(4, addressLength).CopyTo(destination);
        Xor(destination, transactionId);
        return true;
    }

    /// <summary>
    /// Reads the address bytes and port out of <paramref name="socketAddress"/>. An IPv4-mapped IPv6 address
    /// (what a dual-mode socket reports for an IPv4 peer) comes out as the 4-byte IPv4 address.
    /// </summary>
    internal static bool TryRead(SocketAddress socketAddress, Span<byte> address, out int addressLength, out ushort port)
    {
        ReadOnlySpan<byte> buffer = socketAddress.Buffer.Span.Slice(0, socketAddress.Size);
        addressLength = 0;
        port = 0;
        if (socketAddress.Family == AddressFamily.InterNetwork && buffer.Length >= IPv4SocketAddressSize)
        {
            buffer.Slice(IPv4AddressOffset, 4).CopyTo(address);
            addressLength = 4;
        }
        else if (socketAddress.Family == AddressFamily.InterNetworkV6 && buffer.Length >= IPv6SocketAddressSize)
        {
            ReadOnlySpan<byte> ipv6 = buffer.Slice(IPv6AddressOffset, 16);
            if (IsIPv4Mapped(ipv6))
            {
                ipv6.Slice(12, 4).CopyTo(address);
                addressLength = 4;
            }
            else
            {
                ipv6.CopyTo(address);
                addressLength = 16;
            }
        }
        else
        {
            return false;
        }

        port = BinaryPrimitives.ReadUInt16BigEndian(buffer.Slice(PortOffset));
        return true;
    }

    /// <summary>Fills <paramref name="socketAddress"/> with an IPv4 (4-byte) or IPv6 (16-byte) address and port.</summary>
    internal static bool TryWrite(SocketAddress socketAddress, ReadOnlySpan<byte> address, ushort port)
    {
        bool isIPv4 = address.Length == 4;
        int size = isIPv4 ? IPv4SocketAddressSize : IPv6SocketAddressSize;
        Span<byte> buffer = socketAddress.Buffer.Span;
        if (buffer.Length < size)
        {
            return false;
        }

        socketAddress.Size = size;
        buffer = buffer.Slice(0, size);
        buffer.Clear();
        (isIPv4 ? _ipv4Template : _ipv6Template).Buffer.Span.Slice(0, PortOffset).CopyTo(buffer);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.Slice(PortOffset), port);
        address.CopyTo(buffer.Slice(isIPv4 ? IPv4AddressOffset : IPv6AddressOffset));
        return true;
    }

    /// <summary>True for ::ffff:a.b.c.d (RFC 4291 §2.5.5.2).</summary>
    internal static bool IsIPv4Mapped(ReadOnlySpan<byte> ipv6) =>
        ipv6.Slice(0, 10).IndexOfAnyExcept((byte)0) < 0 && ipv6[10] == 0xFF && ipv6[11] == 0xFF;

    // RFC 8489 §14.2: the address is xored with the magic cookie, then (IPv6) with the transaction id.
    private static void Xor(Span<byte> address, ReadOnlySpan<byte> transactionId)
    {
        Span<byte> mask = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(mask, StunMessage.MagicCookie);
        transactionId.CopyTo(mask.Slice(4));
        for (int i = 0; i < address.Length; i++)
        {
            address[i] ^= mask[i];
        }
    }
}
