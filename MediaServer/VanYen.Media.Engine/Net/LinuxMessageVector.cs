using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace VanYen.Media.Engine.Net;

/// <summary>
/// The <c>struct mmsghdr</c> array of one <see cref="PacketSendBatch"/> for Linux <c>sendmmsg(2)</c>: headers, one
/// iovec per datagram pointing into the batch's pinned slab, and a native socket address per datagram. All pinned and
/// wired once; a send only writes lengths and addresses.
/// </summary>
internal sealed partial class LinuxMessageVector
{
    /// <summary>errno: the kernel has no sendmmsg (Linux before 3.0, some sandboxes).</summary>
    public const int NoSuchSystemCall = 38;

    /// <summary>errno: interrupted by a signal before anything was sent; retry.</summary>
    public const int Interrupted = 4;

    // sockaddr_in6 is the largest address sent: 28 bytes (sockaddr_in is 16).
    private const int AddressSlotSize = 28;
    private const int IPv4AddressLength = 16;
    private const int IPv6AddressLength = 28;

    // Linux <bits/socket.h> values; .NET's AddressFamily numbers differ (InterNetworkV6 is 23 there).
    private const ushort LinuxInterNetwork = 2;
    private const ushort LinuxInterNetworkV6 = 10;
    private const int DontWait = 0x40;

    private readonly MultipleMessageHeader[] _headers;
    private readonly IOVector[] _vectors;
    private readonly byte[] _addresses;

    public LinuxMessageVector(PacketSendBatch batch)
    {
        int capacity = batch.Capacity;
        _headers = GC.AllocateArray<MultipleMessageHeader>(capacity, pinned: true);
        _vectors = GC.AllocateArray<IOVector>(capacity, pinned: true);
        _addresses = GC.AllocateArray<byte>(capacity * AddressSlotSize, pinned: true);
        for (int i = 0; i < capacity; i++)
        {
            _vectors[i].Base = Marshal.UnsafeAddrOfPinnedArrayElement(batch.Slab, i * batch.SlotSize);
            _headers[i].Header.Name = Marshal.UnsafeAddrOfPinnedArrayElement(_addresses, i * AddressSlotSize);
            _headers[i].Header.Vectors = Marshal.UnsafeAddrOfPinnedArrayElement(_vectors, i);
            _headers[i].Header.VectorCount = 1;
        }
    }

    /// <summary>
    /// Writes the lengths and native addresses of the batch's datagrams. An IPv4 destination becomes IPv4-mapped
    /// IPv6 (RFC 4291 §2.5.5.2) when <paramref name="socketFamily"/> is IPv6, as a dual-mode socket needs; an address
    /// of another family gets an empty one, which the kernel refuses for that datagram alone.
    /// </summary>
    public void Prepare(PacketSendBatch batch, AddressFamily socketFamily)
    {
        for (int i = 0; i < batch.Count; i++)
        {
            _vectors[i].Length = (nuint)batch.GetLength(i);
            _headers[i].Header.NameLength = WriteAddress(batch.GetRemote(i), _addresses.AsSpan(i * AddressSlotSize, AddressSlotSize), socketFamily);
            _headers[i].Header.Flags = 0;
            _headers[i].Length = 0;
        }
    }

    /// <summary>Calls <c>sendmmsg</c> on datagrams <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1; returns how many were sent or −1 with <paramref name="error"/> (errno) about the first.</summary>
    public int Send(SafeSocketHandle socket, int start, int count, out int error)
    {
        int sent = SendMultipleMessages(socket, ref _headers[start], (uint)count, DontWait);
        error = sent < 0 ? Marshal.GetLastPInvokeError() : 0;
        return sent;
    }

    private static uint WriteAddress(SocketAddress remote, Span<byte> native, AddressFamily socketFamily)
    {
        // SocketAddress keeps sockaddr's layout after the family: port (network order) at 2, then for IPv4 the address
        // at 4, for IPv6 the flow info at 4, the address at 8 and the scope id at 24.
        ReadOnlySpan<byte> source = remote.Buffer.Span;
        if (remote.Family == AddressFamily.InterNetwork && remote.Size >= 8)
        {
            if (socketFamily == AddressFamily.InterNetworkV6)
            {
                native.Clear();
                BinaryPrimitives.WriteUInt16LittleEndian(native, LinuxInterNetworkV6);
                source.Slice(2, 2).CopyTo(native.Slice(2));
                native[18] = 0xFF;
                native[19] = 0xFF;
                source.Slice(4, 4).CopyTo(native.Slice(20));
                return IPv6AddressLength;
            }

            native.Slice(0, IPv4AddressLength).Clear();
            WriteFamily(native, LinuxInterNetwork);
            source.Slice(2, 6).CopyTo(native.Slice(2));
            return IPv4AddressLength;
        }

        if (remote.Family == AddressFamily.InterNetworkV6 && remote.Size >= IPv6AddressLength)
        {
            WriteFamily(native, LinuxInterNetworkV6);
            source.Slice(2, IPv6AddressLength - 2).CopyTo(native.Slice(2));
            return IPv6AddressLength;
        }

        native.Clear();
        return 0;
    }

    // sa_family_t is a host-order 16-bit integer; Linux runs .NET little-endian only (x64, arm64, arm).
    private static void WriteFamily(Span<byte> native, ushort family) => BinaryPrimitives.WriteUInt16LittleEndian(native, family);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    private static partial int SendMultipleMessages(SafeSocketHandle socket, ref MultipleMessageHeader messages, uint count, int flags);

    // struct iovec (<sys/uio.h>).
    [StructLayout(LayoutKind.Sequential)]
    private struct IOVector
    {
        public nint Base;
        public nuint Length;
    }

    // struct msghdr (<sys/socket.h>); sequential layout gives glibc's and musl's padding on 64-bit and 32-bit.
    [StructLayout(LayoutKind.Sequential)]
    private struct MessageHeader
    {
        public nint Name;
        public uint NameLength;
        public nint Vectors;
        public nuint VectorCount;
        public nint Control;
        public nuint ControlLength;
        public int Flags;
    }

    // struct mmsghdr (<sys/socket.h>): msg_len is set by the kernel to the bytes sent.
    [StructLayout(LayoutKind.Sequential)]
    private struct MultipleMessageHeader
    {
        public MessageHeader Header;
        public uint Length;
    }
}
