using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Streams;
using VanYen.Media.Server.Devices;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Streams;

/// <summary>
/// A cluster's program as an endless HTTP audio stream, for legacy IP speakers that pull a URL:
/// <c>GET /api/clusters/{id}/stream.ogg?token=…</c> (Ogg Opus, the cluster's packets as encoded once) and
/// <c>/stream.mp3?token=…</c> (MP3, one ffmpeg per cluster). The token is the secret of an HttpStream receiver of
/// that cluster: 401 without a valid one, 403 for another cluster's receiver or another kind, 404 for an unknown cluster.
/// </summary>
public static partial class ClusterStreamEndpoints
{
    /// <summary>The query parameter carrying the receiver's secret.</summary>
    public const string TokenParameter = "token";

    /// <summary>Maps the two stream endpoints.</summary>
    public static IEndpointRouteBuilder MapClusterStreams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/clusters/{id:long}/stream.ogg", (HttpContext context, long id) => StreamAsync(context, id, mp3: false))
            .WithName("GetClusterOggStream").WithSummary("The cluster's program as an endless Ogg Opus stream (token: an HttpStream receiver's secret).");
        endpoints.MapGet("/api/clusters/{id:long}/stream.mp3", (HttpContext context, long id) => StreamAsync(context, id, mp3: true))
            .WithName("GetClusterMp3Stream").WithSummary("The cluster's program as an endless MP3 stream (token: an HttpStream receiver's secret).");
        return endpoints;
    }

    private static async Task StreamAsync(HttpContext context, long clusterId, bool mp3)
    {
        IServiceProvider services = context.RequestServices;
        CancellationToken aborted = context.RequestAborted;
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClusterStreamEndpoints));
        string? token = context.Request.Query[TokenParameter];
        if (string.IsNullOrEmpty(token))
        {
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Token required", detail: "Pass the HttpStream receiver's secret as ?token=…").ExecuteAsync(context);
            return;
        }

        var receivers = services.GetRequiredService<IReceiverRepository>();
        Receiver? receiver = await receivers.FindBySecretHashAsync(DeviceSecret.Hash(token), aborted);
        if (receiver is null || !DeviceSecret.Verify(token, receiver.SecretHash))
        {
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad token", detail: "The token is not the secret of any receiver.").ExecuteAsync(context);
            return;
        }

        Cluster? cluster = await services.GetRequiredService<IClusterRepository>().GetAsync(clusterId, aborted);
        if (cluster is null)
        {
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown cluster", detail: $"There is no cluster {clusterId}.").ExecuteAsync(context);
            return;
        }

        if (receiver.ClusterId != clusterId || receiver.Kind != ReceiverKind.HttpStream)
        {
            string detail = receiver.ClusterId != clusterId
                ? $"Receiver '{receiver.Name}' belongs to another cluster."
                : $"Receiver '{receiver.Name}' is a {receiver.Kind} receiver, not an HTTP stream receiver.";
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not this cluster's stream receiver", detail: detail).ExecuteAsync(context);
            return;
        }

        if (services.GetService<IBroadcastEngine>() is not { } engine)
        {
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No broadcast engine", detail: "The broadcast engine is not running on this server.").ExecuteAsync(context);
            return;
        }

        // Deleting the receiver or replacing its secret ends its stream. The receiver is read again after taking the
        // token, so a deletion between the first read and here cannot leave a stream running with a stale secret.
        CancellationToken sessionsEnded = services.GetService<IDeviceControl>()?.GetSessionsEnded(receiver.Id) ?? CancellationToken.None;
        if (await receivers.GetAsync(receiver.Id, aborted) is not { } current || current.SecretHash != receiver.SecretHash)
        {
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad token", detail: "The receiver was deleted or its secret replaced.").ExecuteAsync(context);
            return;
        }

        using var listening = CancellationTokenSource.CreateLinkedTokenSource(aborted, sessionsEnded);
        await receivers.MarkSeenAsync(receiver.Id, services.GetRequiredService<TimeProvider>().GetUtcNow(), aborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = mp3 ? "audio/mpeg" : "audio/ogg";
        context.Response.Headers.CacheControl = "no-cache, no-store";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        await context.Response.StartAsync(aborted);
        LogListening(logger, receiver.Id, clusterId, mp3 ? "mp3" : "ogg");

        ClusterStreamEnd end;
        if (mp3)
        {
            end = await services.GetRequiredService<Mp3ClusterStreams>().Get(clusterId).CopyToAsync(context.Response.BodyWriter, listening.Token);
        }
        else
        {
            using var stream = new OggOpusClusterStream(new OggOpusClusterStreamOptions { Title = cluster.Name });
            using (engine.GetChannel(clusterId).Attach(stream))
            {
                end = await stream.CopyToAsync(context.Response.BodyWriter, listening.Token);
            }
        }

        if (sessionsEnded.IsCancellationRequested)
        {
            // The response has started: cut the connection, so a player does not take the end for a finished file.
            LogSessionsEnded(logger, receiver.Id, clusterId);
            context.Abort();
            return;
        }

        LogEnded(logger, receiver.Id, clusterId, end);
        if (end == ClusterStreamEnd.TooSlow)
        {
            // The response has started: end the connection so the player reconnects to the live point.
            context.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Receiver {ReceiverId} listens to cluster {ClusterId} over HTTP ({Format})")]
    private static partial void LogListening(ILogger logger, long receiverId, long clusterId, string format);

    [LoggerMessage(Level = LogLevel.Information, Message = "Receiver {ReceiverId}'s HTTP stream of cluster {ClusterId} cut: the receiver was deleted or its secret replaced")]
    private static partial void LogSessionsEnded(ILogger logger, long receiverId, long clusterId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Receiver {ReceiverId}'s HTTP stream of cluster {ClusterId} ended: {End}")]
    private static partial void LogEnded(ILogger logger, long receiverId, long clusterId, ClusterStreamEnd end);
}
