using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.ReceiverAgent;

public sealed partial class ReceiverAgent
{
    private readonly uint _ownSsrc = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
    private RtpReceiverStatistics? _statistics;
    private long _receivedPackets;
    private long _rejectedPackets;
    private long _keepalivesSent;
    private long _keepaliveResponses;
    private volatile bool _networkDown;

    /// <summary>Authenticated program packets received (all logins together).</summary>
    public long ReceivedPackets => Interlocked.Read(ref _receivedPackets);

    /// <summary>Datagrams dropped: failed SRTP authentication, malformed, or unexpected.</summary>
    public long RejectedPackets => Interlocked.Read(ref _rejectedPackets);

    /// <summary>Keepalives sent.</summary>
    public long KeepalivesSent => Interlocked.Read(ref _keepalivesSent);

    /// <summary>STUN responses the server sent back to keepalives.</summary>
    public long KeepaliveResponses => Interlocked.Read(ref _keepaliveResponses);

    /// <summary>The local UDP end point (null before the first login).</summary>
    public IPEndPoint? MediaLocalEndPoint => _socket?.LocalEndPoint as IPEndPoint;

    /// <summary>
    /// Simulates a network outage: while true, every datagram in and out is dropped and nothing is sent on the control
    /// hub (confirmations wait in the queue). Prepared programs keep playing at their time.
    /// </summary>
    public bool NetworkDown
    {
        get => _networkDown;
        set => _networkDown = value;
    }

    private async Task ReceiveLoopAsync(CancellationToken stopping)
    {
        byte[] buffer = new byte[2048];
        var from = new SocketAddress(_socket!.AddressFamily);
        while (!stopping.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port unreachable from an earlier send (Linux reports it on the next receive): keep listening.
                continue;
            }

            if (!_networkDown)
            {
                OnDatagram(buffer.AsSpan(0, length));
            }
        }
    }

    private void OnDatagram(Span<byte> datagram)
    {
        MediaSession? session = _session;
        if (session is null || datagram.Length < 2)
        {
            Interlocked.Increment(ref _rejectedPackets);
            return;
        }

        byte first = datagram[0];
        if (first < 4)
        {
            // RFC 7983 §7: STUN. The server answers keepalives; nothing else to do with it.
            Interlocked.Increment(ref _keepaliveResponses);
            return;
        }

        if (first is < 128 or > 191 || datagram[1] is >= 192 and <= 223)
        {
            // Not RTP (RTCP from the server, e.g. sender reports, is not needed to play).
            return;
        }

        SrtpUnprotectResult result;
        int length;
        lock (session.Sync)
        {
            if (session.IsDisposed)
            {
                return;
            }

            result = session.Inbound.UnprotectRtp(datagram, out length);
        }

        if (result != SrtpUnprotectResult.Ok || !RtpPacket.TryParse(datagram[..length], out RtpPacket packet))
        {
            Interlocked.Increment(ref _rejectedPackets);
            return;
        }

        long arrival = Stopwatch.GetTimestamp();
        RtpReceiverStatistics? statistics = _statistics;
        if (statistics is null || statistics.Ssrc != packet.Ssrc)
        {
            statistics = new RtpReceiverStatistics(packet.Ssrc, 48000, _time);
            _statistics = statistics;
        }

        statistics.OnPacketReceived(packet.SequenceNumber, packet.Timestamp, arrival);
        _jitter.Insert(packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Payload, arrival);
        Interlocked.Increment(ref _receivedPackets);
    }

    private async Task KeepaliveLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            int seconds = Math.Max(1, Login?.Media.KeepaliveIntervalSeconds ?? 5);
            await Task.Delay(TimeSpan.FromSeconds(seconds), _time, stopping).ConfigureAwait(false);
            if (_session is { } session)
            {
                SendKeepalive(session);
            }
        }
    }

    /// <summary>RFC 8489 Binding request: USERNAME = device id, MESSAGE-INTEGRITY with the keepalive key, FINGERPRINT.</summary>
    private void SendKeepalive(MediaSession session)
    {
        if (_networkDown || _socket is null)
        {
            return;
        }

        Span<byte> transaction = stackalloc byte[StunMessage.TransactionIdLength];
        RandomNumberGenerator.Fill(transaction);
        byte[] buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transaction);
        writer.AddUsername(Encoding.UTF8.GetBytes(_options.DeviceId));
        writer.AddMessageIntegrity(session.KeepaliveKey);
        int length = writer.AddFingerprint();
        try
        {
            _socket.SendTo(buffer.AsSpan(0, length), SocketFlags.None, session.RemoteAddress);
            Interlocked.Increment(ref _keepalivesSent);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            LogSendFailed(_logger, exception.Message);
        }
    }

    private async Task ReceiverReportLoopAsync(CancellationToken stopping)
    {
        byte[] report = new byte[RtcpReceiverReport.GetLength(1)];
        byte[] protectedReport = new byte[report.Length + 64];
        while (!stopping.IsCancellationRequested)
        {
            await Task.Delay(_options.ReceiverReportInterval, _time, stopping).ConfigureAwait(false);
            if (_networkDown || _session is not { } session || _socket is null || _statistics is not { IsValid: true } statistics)
            {
                continue;
            }

            // RFC 3550 §6.4.2: one report block about the cluster stream.
            int length = RtcpReceiverReport.Write(report, _ownSsrc, [statistics.CreateReportBlock()]);
            int protectedLength;
            lock (session.Sync)
            {
                if (session.IsDisposed || !session.Outbound.TryProtectRtcp(report.AsSpan(0, length), protectedReport, out protectedLength))
                {
                    continue;
                }
            }

            try
            {
                _socket.SendTo(protectedReport.AsSpan(0, protectedLength), SocketFlags.None, session.RemoteAddress);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                LogSendFailed(_logger, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Media send failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string reason);
}
