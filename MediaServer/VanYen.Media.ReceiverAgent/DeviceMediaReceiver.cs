using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Engine.WebRtc.Stun;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.ReceiverAgent;

/// <summary>
/// The media half of a device: one UDP socket that sends authenticated STUN keepalives and SRTCP receiver reports to
/// the server's plain-RTP port and receives the cluster's SRTP Opus stream into a jitter buffer. Usable on its own
/// (given the <see cref="DeviceMediaParameters"/> of a login); <see cref="ReceiverAgent"/> drives it.
/// </summary>
public sealed partial class DeviceMediaReceiver : IAsyncDisposable
{
    private readonly string _deviceId;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _reportInterval;
    private readonly OpusAudioDecoder _decoder = new();
    private readonly JitterBuffer _jitter;
    private readonly uint _ownSsrc = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private Socket? _socket;
    private volatile MediaSession? _session;
    private volatile int _keepaliveIntervalSeconds = 5;
    private RtpReceiverStatistics? _statistics;
    private long _receivedPackets;
    private long _rejectedPackets;
    private long _keepalivesSent;
    private long _keepaliveResponses;
    private volatile bool _networkDown;

    /// <summary>Creates the receiver; nothing is sent before <see cref="UseSession"/>.</summary>
    public DeviceMediaReceiver(string deviceId, TimeSpan? receiverReportInterval = null, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        _deviceId = deviceId;
        _reportInterval = receiverReportInterval ?? TimeSpan.FromSeconds(5);
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _jitter = new JitterBuffer(new JitterBufferOptions(), _decoder);
    }

    /// <summary>Authenticated program packets received (all sessions together).</summary>
    public long ReceivedPackets => Interlocked.Read(ref _receivedPackets);

    /// <summary>Datagrams dropped: failed SRTP authentication or malformed.</summary>
    public long RejectedPackets => Interlocked.Read(ref _rejectedPackets);

    /// <summary>Keepalives sent.</summary>
    public long KeepalivesSent => Interlocked.Read(ref _keepalivesSent);

    /// <summary>STUN responses the server sent back to keepalives.</summary>
    public long KeepaliveResponses => Interlocked.Read(ref _keepaliveResponses);

    /// <summary>The local UDP end point (null before the first session).</summary>
    public IPEndPoint? LocalEndPoint => _socket?.LocalEndPoint as IPEndPoint;

    /// <summary>While true every datagram in and out is dropped (a simulated network outage).</summary>
    public bool NetworkDown
    {
        get => _networkDown;
        set => _networkDown = value;
    }

    /// <summary>
    /// Switches to the keys and address of a (new) login and sends a keepalive at once, so the server starts sending
    /// at its next tick. The first call opens the socket and starts the loops.
    /// </summary>
    public async Task UseSessionAsync(DeviceMediaParameters media, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(media);
        IPEndPoint remote = await ResolveAsync(media, cancellationToken).ConfigureAwait(false);
        UseSession(media, remote);
    }

    /// <summary>As <see cref="UseSessionAsync"/>, with the server address already resolved.</summary>
    public void UseSession(DeviceMediaParameters media, IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(remote);
        if (!Enum.TryParse(media.SrtpProfile, out SrtpProtectionProfile profile) || !profile.IsSupported())
        {
            throw new NotSupportedException($"The server chose an SRTP profile this receiver does not speak: {media.SrtpProfile}.");
        }

        var session = new MediaSession(
            remote,
            media.Ssrc,
            profile,
            Convert.FromBase64String(media.ServerKey),
            Convert.FromBase64String(media.DeviceKey),
            Convert.FromBase64String(media.KeepaliveKey));
        _keepaliveIntervalSeconds = Math.Max(1, media.KeepaliveIntervalSeconds);
        bool first = _socket is null;
        _socket ??= OpenSocket(remote.AddressFamily);
        MediaSession? previous = _session;
        _session = session;
        previous?.Dispose();
        SendKeepalive(session);
        if (first)
        {
            CancellationToken stopping = _stopping.Token;
            _loops.Add(Task.Run(() => ReceiveLoopAsync(stopping), CancellationToken.None));
            _loops.Add(Task.Run(() => KeepaliveLoopAsync(stopping), CancellationToken.None));
            _loops.Add(Task.Run(() => ReceiverReportLoopAsync(stopping), CancellationToken.None));
        }
    }

    /// <summary>The next 20 ms of the live stream (48 kHz mono); call every 20 ms.</summary>
    public JitterFrameKind PopFrame(Span<short> frame) => _jitter.Pop(frame);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        try
        {
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
        {
        }

        _session?.Dispose();
        _decoder.Dispose();
        _stopping.Dispose();
    }

    internal static async Task<IPEndPoint> ResolveAsync(DeviceMediaParameters media, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(media.Host.Trim('[', ']'), out IPAddress? address))
        {
            IPAddress[] addresses = await Dns.GetHostAddressesAsync(media.Host, cancellationToken).ConfigureAwait(false);
            address = addresses.FirstOrDefault(candidate => candidate.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
                ?? throw new IOException($"The media host {media.Host} does not resolve.");
        }

        return new IPEndPoint(address, media.Port);
    }

    private static Socket OpenSocket(AddressFamily family)
    {
        var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        return socket;
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
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
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
            // RFC 7983 §7: STUN, the server's answer to a keepalive.
            Interlocked.Increment(ref _keepaliveResponses);
            return;
        }

        if (first is < 128 or > 191 || datagram[1] is >= 192 and <= 223)
        {
            // Not RTP (RTCP from the server is not needed to play).
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
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(_keepaliveIntervalSeconds), _time, stopping).ConfigureAwait(false);
                if (_session is { } session)
                {
                    SendKeepalive(session);
                }
            }
        }
        catch (OperationCanceledException)
        {
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
        writer.AddUsername(Encoding.UTF8.GetBytes(_deviceId));
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
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(_reportInterval, _time, stopping).ConfigureAwait(false);
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
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Media send failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string reason);
}
