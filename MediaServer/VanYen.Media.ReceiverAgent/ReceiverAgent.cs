using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.ReceiverAgent;

/// <summary>
/// A reference IP-speaker receiver speaking the device protocol: logs in over HTTPS, keeps its NAT mapping open
/// with authenticated STUN keepalives, plays the cluster's SRTP Opus stream through a jitter buffer, reports
/// reception with SRTCP receiver reports, follows the control hub (volume, mute, prepared programs played at their
/// server time even offline, playback confirmations) and logs in again with backoff when the connection drops.
/// </summary>
/// <remarks>
/// Prepared and live audio of the same bulletin (store and forward): a one-off bulletin is pushed ahead as prepared
/// program X and the server still starts it live as X at the same time. Each 20 ms the agent plays, in order:
/// the live stream if the hub announces (NowPlaying) a program other than one it holds a local copy of (the server put
/// something above it: an emergency); else its prepared program due now; else the live stream, unless the announced
/// program is one it holds a local copy of (its live frames are dropped: the copy plays, or has played, instead — no
/// double audio); else silence.
/// </remarks>
public sealed partial class ReceiverAgent : IAsyncDisposable
{
    private readonly ReceiverAgentOptions _options;
    private readonly IAgentAudioOutput? _output;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private readonly SemaphoreSlim _reconnectRequested = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<PlaybackConfirmation> _confirmations = Channel.CreateUnbounded<PlaybackConfirmation>();
    private readonly List<Task> _loops = [];
    private readonly DeviceMediaReceiver _media;
    private readonly MediaClock _clock = new();
    private volatile string? _token;
    private long _serverOffsetTicks;
    private bool _started;

    /// <summary>Creates an agent; nothing happens before <see cref="StartAsync"/>.</summary>
    public ReceiverAgent(ReceiverAgentOptions options, IAgentAudioOutput? output = null, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _output = output;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _http = new HttpClient(CreateHttpHandler()) { BaseAddress = options.Server, Timeout = TimeSpan.FromSeconds(30) };
        _media = new DeviceMediaReceiver(options.DeviceId, options.ReceiverReportInterval, _logger, _time);
    }

    /// <summary>The last successful login's answer.</summary>
    public DeviceLoginResponse? Login { get; private set; }

    /// <summary>Raised after every successful login (the first and each re-login).</summary>
    public event EventHandler<DeviceLoginResponse>? LoggedIn;

    /// <summary>Raised when a playback confirmation is queued for the server.</summary>
    public event EventHandler<PlaybackConfirmation>? PlaybackConfirmed;

    /// <summary>The media half (socket, keys, jitter buffer).</summary>
    public DeviceMediaReceiver Media => _media;

    /// <summary>Authenticated program packets received (all logins together).</summary>
    public long ReceivedPackets => _media.ReceivedPackets;

    /// <summary>
    /// Simulates a network outage: while true, every datagram in and out is dropped and nothing is sent on the control
    /// hub (confirmations wait in the queue). Prepared programs keep playing at their time.
    /// </summary>
    public bool NetworkDown
    {
        get => _media.NetworkDown;
        set => _media.NetworkDown = value;
    }

    /// <summary>The server clock minus the local clock, from the login and the hub's ServerTime messages.</summary>
    public TimeSpan ServerClockOffset => TimeSpan.FromTicks(Interlocked.Read(ref _serverOffsetTicks));

    /// <summary>The server's clock as this device believes it.</summary>
    public DateTimeOffset ServerNow => _time.GetUtcNow() + ServerClockOffset;

    /// <summary>Logs in, opens the media socket, starts the playout clock and connects the control hub.</summary>
    /// <exception cref="HttpRequestException">The login was refused (401: wrong secret, 403: not HTTPS) or failed.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("The agent is already started.");
        }

        _started = true;
        await LogInAndConnectAsync(cancellationToken).ConfigureAwait(false);
        _clock.Add(new PlayoutTick(this));
        _clock.Start();
        CancellationToken stopping = _stopping.Token;
        _loops.Add(Task.Run(() => HeartbeatLoopAsync(stopping), CancellationToken.None));
        _loops.Add(Task.Run(() => ConfirmationLoopAsync(stopping), CancellationToken.None));
        _loops.Add(Task.Run(() => ReconnectLoopAsync(stopping), CancellationToken.None));
    }

    /// <summary>Logs in again now (fresh keys, new control connection), as after a connection loss.</summary>
    public Task ReconnectAsync(CancellationToken cancellationToken = default) => LogInAndConnectAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _clock.Dispose();
        await _media.DisposeAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
        {
        }

        await StopControlAsync().ConfigureAwait(false);
        _output?.Dispose();
        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task LogInAndConnectAsync(CancellationToken cancellationToken)
    {
        await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var response = await _http.PostAsJsonAsync(
                new Uri(_options.Server, "/api/devices/login"),
                new DeviceLoginRequest(_options.DeviceId, _options.Secret),
                cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                string reason = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw new HttpRequestException($"Device login refused ({(int)response.StatusCode}): {reason}", null, response.StatusCode);
            }

            DeviceLoginResponse login = await response.Content.ReadFromJsonAsync<DeviceLoginResponse>(cancellationToken).ConfigureAwait(false)
                ?? throw new HttpRequestException("The login answer was empty.");
            SetServerTime(login.ServerTime);
            IPEndPoint remote = await DeviceMediaReceiver.ResolveAsync(login.Media, cancellationToken).ConfigureAwait(false);
            _token = login.Token;
            Login = login;
            Volume = login.Volume;
            OnAirHours = login.OnAirHours;

            // The server sends the program as soon as the first keepalive arrives: switch keys and send it before anything else.
            _media.UseSession(login.Media, remote);
            LogLoggedIn(_logger, _options.DeviceId, login.ClusterId, remote);
            await ConnectControlAsync(login, cancellationToken).ConfigureAwait(false);
            LoggedIn?.Invoke(this, login);
        }
        finally
        {
            _loginGate.Release();
        }
    }

    private async Task ReconnectLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            await _reconnectRequested.WaitAsync(stopping).ConfigureAwait(false);
            TimeSpan delay = TimeSpan.FromMilliseconds(250);
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await LogInAndConnectAsync(stopping).ConfigureAwait(false);
                    break;
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException or SocketException or TaskCanceledException or InvalidOperationException or NotSupportedException)
                {
                    LogReconnectFailed(_logger, delay, exception.Message);
                    await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
                }
            }
        }
    }

    private void RequestReconnect()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _reconnectRequested.Release();
        }
        catch (SemaphoreFullException)
        {
            // A reconnect is already pending.
        }
    }

    private void SetServerTime(DateTimeOffset serverTime) =>
        Interlocked.Exchange(ref _serverOffsetTicks, (serverTime - _time.GetUtcNow()).Ticks);

    private SocketsHttpHandler CreateHttpHandler() => new()
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = ValidateServerCertificate },
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_options.InsecureSkipVerify)
        {
            return true;
        }

        if (_options.PinSha256 is { } pin)
        {
            if (certificate is null)
            {
                return false;
            }

            string expected = pin.Replace(":", string.Empty, StringComparison.Ordinal).Trim();
            string actual = Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
            return string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase);
        }

        return errors == SslPolicyErrors.None;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} logged in on cluster {ClusterId}; media from {Remote}")]
    private static partial void LogLoggedIn(ILogger logger, string deviceId, long clusterId, IPEndPoint remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login failed, retrying in {Delay}: {Reason}")]
    private static partial void LogReconnectFailed(ILogger logger, TimeSpan delay, string reason);
}
