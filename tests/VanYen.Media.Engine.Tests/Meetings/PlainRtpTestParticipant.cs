using System.Collections.Concurrent;
using System.Net;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Tests.Meetings;

/// <summary>
/// A plain RTP participant on a real UDP socket on 127.0.0.1: sends Opus packets (with the RFC 6464 level on
/// extension id 1, as <see cref="Engine.Meetings.MeetingMediaOptions.PlainRtpAudioLevelExtensionId"/> expects) and
/// records every RTP packet the bridge sends back.
/// </summary>
internal sealed class PlainRtpTestParticipant : IDatagramHandler, IAsyncDisposable
{
    public const byte PayloadType = 111;

    private readonly UdpMediaSocket _socket;
    private readonly ConcurrentQueue<ReceivedPacket> _received = new();
    private SocketAddress? _server;
    private ushort _sequenceNumber = (ushort)Random.Shared.Next();
    private uint _timestamp = (uint)Random.Shared.Next();

    public PlainRtpTestParticipant(string id)
    {
        Id = id;
        Ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        _socket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), this, new UdpMediaSocketOptions { Name = "test-" + id, DualMode = false, PacketBufferCount = 128 });
    }

    public string Id { get; }

    public uint Ssrc { get; }

    public IPEndPoint LocalEndPoint => _socket.LocalEndPoint;

    public IReadOnlyCollection<ReceivedPacket> Received => _received;

    /// <summary>Forgets what arrived so far (the mix before the test's audio starts).</summary>
    public void ClearReceived() => _received.Clear();

    public void ConnectTo(IPEndPoint server) => _server = _socket.CreateRemoteAddress(server);

    /// <summary>Sends one 20 ms Opus packet; <paramref name="level"/> null sends no header extension.</summary>
    public void SendOpus(ReadOnlySpan<byte> opus, byte? level)
    {
        Span<byte> packet = stackalloc byte[1500];
        var fields = new RtpHeaderFields(PayloadType, false, _sequenceNumber++, _timestamp, Ssrc);
        int header;
        if (level is { } value)
        {
            var writer = new RtpHeaderWriter(packet, fields, default, RtpHeaderExtensionForm.OneByte);
            writer.TryAddExtension(1, new[] { (byte)(value | 0x80) });
            header = writer.Finish();
        }
        else
        {
            header = RtpHeaderWriter.Write(packet, fields);
        }

        opus.CopyTo(packet[header..]);
        _timestamp += 960;
        SendRaw(packet[..(header + opus.Length)]);
    }

    public void SendRaw(ReadOnlySpan<byte> datagram) => _socket.TrySend(datagram, _server!);

    public void OnDatagram(ReceivedDatagram datagram)
    {
        if (datagram.Kind == PacketKind.Rtp && RtpPacket.TryParse(datagram.Data, out RtpPacket packet))
        {
            _received.Enqueue(new ReceivedPacket(packet.Ssrc, packet.SequenceNumber, packet.Timestamp, packet.PayloadType, packet.Payload.ToArray()));
        }
    }

    /// <summary>
    /// Decodes what arrived, placed by RTP timestamp: a timestamp gap (the bridge's DTX: nothing sent while the mix is
    /// silent) is silence, as a receiver's jitter buffer would play it.
    /// </summary>
    public short[] DecodeReceived() => MeetingTestAudio.DecodeByTimestamp([.. _received.Select(packet => (packet.Timestamp, packet.Payload))]);

    public async ValueTask DisposeAsync() => await _socket.DisposeAsync();

    internal sealed record ReceivedPacket(uint Ssrc, ushort SequenceNumber, uint Timestamp, byte PayloadType, byte[] Payload);
}
