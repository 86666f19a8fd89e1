using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.Engine.Meetings;

/// <summary>
/// The one UDP socket of all plain RTP participants of all meetings: each datagram goes to the participant whose
/// address (IP and port) it came from; the participant's mix leaves from here too.
/// </summary>
/// <remarks>
/// Demultiplexing by source address (as a SIP gateway or Janus' AudioBridge plain RTP participant expects: one
/// server port, the peer's own port) needs no per-participant socket. Unknown sources and malformed datagrams are
/// dropped, counted and logged (at most one log line per second).
/// </remarks>
internal sealed partial class MeetingRtpPort : IDatagramHandler, IAsyncDisposable
{
    private readonly ConcurrentDictionary<SocketAddress, MeetingParticipant> _byAddress = new(SocketAddressComparer.Instance);
    private readonly ILogger _logger;
    private readonly UdpMediaSocket _socket;
    private readonly IPacketTransport _transport;
    private readonly IBatchPacketTransport? _batchTransport;
    private long _unknownSource;
    private long _lastLogTimestamp;

    public MeetingRtpPort(IPEndPoint endPoint, ILogger logger)
    {
        _logger = logger;
        // Thousands of small datagrams a second from up to hundreds of peers: a receive thread of its own (no thread-pool
        // hop per datagram).
        var options = new UdpMediaSocketOptions { Name = "meetings-rtp", DualMode = false, SendBufferSize = 4 * 1024 * 1024, DedicatedReceiveThread = true };
        _socket = UdpMediaSocket.Bind(endPoint, this, options, logger);
        _transport = _socket;
        _batchTransport = _socket as IBatchPacketTransport;
    }

    public IPEndPoint LocalEndPoint => _socket.LocalEndPoint;

    /// <summary>The socket's counters (tests and diagnostics).</summary>
    public MediaSocketCounters Counters => _socket.Counters;

    /// <summary>Datagrams from an address no participant joined with.</summary>
    public long UnknownSourcePackets => Interlocked.Read(ref _unknownSource);

    public SocketAddress CreateRemoteAddress(IPEndPoint remote) => _socket.CreateRemoteAddress(remote);

    /// <summary>Routes <paramref name="participant"/>'s address to it; false when another participant holds the address.</summary>
    public bool TryAdd(MeetingParticipant participant) => _byAddress.TryAdd(participant.RemoteAddress!, participant);

    public void Remove(MeetingParticipant participant) =>
        _byAddress.TryRemove(KeyValuePair.Create(participant.RemoteAddress!, participant));

    /// <summary>
    /// Queues <paramref name="datagram"/> (copied) in <paramref name="batch"/>, sending the batch first when it is full;
    /// sends it at once when the transport has no batched send or the datagram does not fit a slot. Allocates nothing.
    /// </summary>
    public void Send(ReadOnlySpan<byte> datagram, SocketAddress remote, PacketSendBatch batch)
    {
        if (_batchTransport is null)
        {
            _transport.TrySend(datagram, remote);
            return;
        }

        if (batch.TryAdd(datagram, remote))
        {
            return;
        }

        Flush(batch);
        if (!batch.TryAdd(datagram, remote))
        {
            _transport.TrySend(datagram, remote);
        }
    }

    /// <summary>Sends what <paramref name="batch"/> holds (one <c>sendmmsg</c> on Linux) and clears it.</summary>
    public void Flush(PacketSendBatch batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        if (_batchTransport is not null)
        {
            _batchTransport.SendBatch(batch);
        }
        else
        {
            for (int i = 0; i < batch.Count; i++)
            {
                _transport.TrySend(batch.GetDatagram(i), batch.GetRemote(i));
            }
        }

        batch.Clear();
    }

    public void OnDatagram(ReceivedDatagram datagram)
    {
        if (!_byAddress.TryGetValue(datagram.Remote, out MeetingParticipant? participant))
        {
            Interlocked.Increment(ref _unknownSource);
            if (ShouldLog())
            {
                LogUnknownSource(_logger, UnknownSourcePackets);
            }

            return;
        }

        if (datagram.Kind == PacketKind.Rtcp)
        {
            // Receiver reports of a plain RTP participant are not used by the bridge.
            return;
        }

        if (datagram.Kind != PacketKind.Rtp || !RtpPacket.TryParse(datagram.Data, out RtpPacket packet))
        {
            participant.OnMalformed();
            return;
        }

        participant.OnPacket(packet);
    }

    public ValueTask DisposeAsync() => _socket.DisposeAsync();

    private bool ShouldLog()
    {
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        long last = Interlocked.Read(ref _lastLogTimestamp);
        return now - last >= System.Diagnostics.Stopwatch.Frequency
            && Interlocked.CompareExchange(ref _lastLogTimestamp, now, last) == last;
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Meetings RTP port: datagram from an unknown address dropped ({Total} so far)")]
    private static partial void LogUnknownSource(ILogger logger, long total);
}
