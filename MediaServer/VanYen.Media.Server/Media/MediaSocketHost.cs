using System.Net;
using Microsoft.Extensions.Options;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Server.Hosting;

namespace VanYen.Media.Server.Media;

/// <summary>
/// Binds the engine's UDP media sockets when the host starts and closes them
/// when it stops: one for every WebRTC peer, one for plain-RTP receivers (DESIGN.md).
/// </summary>
public sealed partial class MediaSocketHost(
    IOptions<MediaServerOptions> options,
    MediaDatagramRouter router,
    WebRtcEndpoint webRtcEndpoint,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    public const string WebRtcSocketName = "webrtc";
    public const string RtpSocketName = "rtp";

    private readonly ILogger _logger = loggerFactory.CreateLogger<MediaSocketHost>();
    private readonly List<UdpMediaSocket> _sockets = [];

    /// <summary>The bound sockets (empty before start and after stop).</summary>
    public IReadOnlyList<UdpMediaSocket> Sockets => _sockets;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!IPAddress.TryParse(settings.MediaBindAddress, out var address))
        {
            throw new OptionsValidationException(nameof(MediaServerOptions.MediaBindAddress), typeof(MediaServerOptions),
                [$"VanYen:MediaBindAddress '{settings.MediaBindAddress}' is not an IP address"]);
        }

        // The WebRTC endpoint sends DTLS and SRTP on the socket its datagrams arrive on.
        webRtcEndpoint.Attach(Bind(WebRtcSocketName, address, settings.WebRtcPort, router.WebRtc));
        Bind(RtpSocketName, address, settings.RtpPort, router.Rtp);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets)
        {
            await socket.DisposeAsync().ConfigureAwait(false);
        }

        _sockets.Clear();
    }

    private UdpMediaSocket Bind(string name, IPAddress address, int port, IDatagramHandler handler)
    {
        var socket = UdpMediaSocket.Bind(
            new IPEndPoint(address, port),
            handler,
            new UdpMediaSocketOptions { Name = name, DualMode = address.Equals(IPAddress.IPv6Any) },
            loggerFactory.CreateLogger<UdpMediaSocket>());
        _sockets.Add(socket);
        LogBound(name, socket.LocalEndPoint);
        return socket;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "UDP media socket {Name} bound to {EndPoint}")]
    private partial void LogBound(string name, IPEndPoint endPoint);
}
