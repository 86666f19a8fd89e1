using System.Globalization;
using System.Text.Json;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Media;
using VanYen.Media.Server.Security;
using VanYen.Media.Signaling.Contracts.Devices;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Devices;

/// <summary>The device protocol's HTTP endpoints: login (HTTPS only) and the download of prepared programs.</summary>
public static partial class DeviceEndpoints
{
    /// <summary>The login path.</summary>
    public const string LoginPath = "/api/devices/login";

    /// <summary>The audit action of a successful login.</summary>
    public const string LoginAuditAction = "device.login";

    /// <summary>The audit action of a refused login.</summary>
    public const string LoginFailedAuditAction = "device.login-failed";

    /// <summary>How often a device sends its UDP keepalive (well inside common NAT UDP timeouts of 30 s and more).</summary>
    public const int KeepaliveIntervalSeconds = 5;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LoginPath, LoginAsync).AllowAnonymous();
        endpoints.MapGet("/api/devices/prepared/{programId}", DownloadPrepared).RequireAuthorization(DeviceAuthentication.Policy);
        return endpoints;
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context,
        IReceiverRepository receivers,
        IClusterRepository clusters,
        IDeviceMediaRegistry media,
        MediaSocketHost sockets,
        DeviceTokenStore tokens,
        DeviceControl control,
        IAuditLog audit,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ILogger logger = loggers.CreateLogger(typeof(DeviceEndpoints));
        if (!context.Request.IsHttps)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Device login is accepted over HTTPS only.",
                detail: "The login answer carries the SRTP keys; send it to the server's HTTPS port.");
        }

        DeviceLoginRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<DeviceLoginRequest>(context.RequestAborted);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The login body must be JSON: {\"deviceId\": \"…\", \"secret\": \"…\"}.");
        }

        if (request is null || string.IsNullOrWhiteSpace(request.DeviceId) || string.IsNullOrEmpty(request.Secret))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The login needs a deviceId and a secret.");
        }

        string address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        Receiver? receiver = long.TryParse(request.DeviceId, NumberStyles.None, CultureInfo.InvariantCulture, out long receiverId)
            ? await receivers.GetAsync(receiverId, context.RequestAborted)
            : null;
        if (receiver is null || !DeviceSecret.Verify(request.Secret, receiver.SecretHash))
        {
            await audit.AppendAsync(new NewAuditEntry
            {
                Action = LoginFailedAuditAction,
                TargetKind = "receiver",
                TargetId = request.DeviceId.Length > 40 ? request.DeviceId[..40] : request.DeviceId,
                DetailsJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["address"] = address }),
            }, CancellationToken.None);
            LogLoginFailed(logger, request.DeviceId, address);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown device id or wrong secret.");
        }

        Cluster? cluster = await clusters.GetAsync(receiver.ClusterId, context.RequestAborted);
        if (cluster is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The receiver's cluster no longer exists.");
        }

        var rtpSocket = sockets.Sockets.FirstOrDefault(socket => socket.Name == MediaSocketHost.RtpSocketName);
        if (rtpSocket is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The media port is not open yet; retry in a moment.");
        }

        // Register before anything slow, so the first keepalive finds the keys and media flows at once (reconnects resume within 2 s).
        DeviceMediaCredentials credentials = media.Register(receiver.Id.ToString(CultureInfo.InvariantCulture), cluster.Id);
        control.OnLogin(receiver.Id, cluster.Id);
        (string token, DeviceSession session) = tokens.Issue(receiver.Id, cluster.Id);

        // A deletion or a new secret that landed while this login ran has ended the receiver's sessions before these
        // were made: read the receiver again and undo them, rather than hand out a session that outlives the change.
        Receiver? current = await receivers.GetAsync(receiver.Id, CancellationToken.None);
        if (current is null || current.SecretHash != receiver.SecretHash)
        {
            control.EndSessions(receiver.Id, forgetHealth: current is null);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown device id or wrong secret.");
        }

        DateTimeOffset now = time.GetUtcNow();
        string host = context.Request.Host.Host;
        var response = new DeviceLoginResponse(
            token,
            session.ExpiresAt,
            cluster.Id,
            new DeviceMediaParameters(
                host,
                rtpSocket.Port,
                credentials.Ssrc,
                ClusterChannelPayloadType,
                credentials.Profile.ToString(),
                Convert.ToBase64String(credentials.ServerMasterKeyAndSalt),
                Convert.ToBase64String(credentials.DeviceMasterKeyAndSalt),
                Convert.ToBase64String(credentials.KeepaliveKey),
                KeepaliveIntervalSeconds),
            now,
            $"{context.Request.Scheme}://{context.Request.Host}{DeviceHub.Path}",
            cluster.DefaultVolume,
            DeviceControl.ToContract(cluster.OnAirHours));

        await receivers.MarkSeenAsync(receiver.Id, now, CancellationToken.None);
        await audit.AppendAsync(new NewAuditEntry
        {
            Action = LoginAuditAction,
            TargetKind = "receiver",
            TargetId = receiver.Id.ToString(CultureInfo.InvariantCulture),
            AreaId = cluster.AreaId,
            DetailsJson = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["address"] = address,
                ["clusterId"] = cluster.Id.ToString(CultureInfo.InvariantCulture),
            }),
        }, CancellationToken.None);
        LogLoggedIn(logger, receiver.Id, cluster.Id, address);
        return Results.Ok(response);
    }

    private static IResult DownloadPrepared(string programId, HttpContext context, IDeviceControl control)
    {
        string? clusterText = context.User.FindFirst(DeviceClaimTypes.ClusterId)?.Value;
        if (!long.TryParse(clusterText, NumberStyles.None, CultureInfo.InvariantCulture, out long clusterId)
            || !control.TryGetPreparedFile(programId, clusterId, out string? path)
            || !File.Exists(path))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No prepared program '{programId}' for this device's cluster.");
        }

        return Results.File(path, "audio/ogg", enableRangeProcessing: true);
    }

    private const int ClusterChannelPayloadType = VanYen.Media.Engine.Broadcast.ClusterChannel.OpusPayloadType;

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {ReceiverId} of cluster {ClusterId} logged in from {Address}")]
    private static partial void LogLoggedIn(ILogger logger, long receiverId, long clusterId, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device login refused for id {DeviceId} from {Address}")]
    private static partial void LogLoginFailed(ILogger logger, string deviceId, string address);
}
