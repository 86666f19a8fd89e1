using System.Reflection;
using System.Text.Json;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Server.Media;
using VanYen.Media.Server.Storage;
using VanYen.Media.Signaling.Contracts;
using AspNetHealthReport = Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport;

namespace VanYen.Media.Server.Health;

/// <summary>Writes <c>/healthz</c>: the health checks plus what an operator wants at a glance.</summary>
public static class HealthReportWriter
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private static readonly string _version =
        typeof(HealthReportWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static Task WriteAsync(HttpContext context, AspNetHealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var services = context.RequestServices;

        var ports = new List<MediaPortStatus>();
        foreach (var socket in services.GetRequiredService<MediaSocketHost>().Sockets)
        {
            var counters = socket.Counters;
            ports.Add(new MediaPortStatus(
                socket.Name,
                socket.LocalEndPoint.Address.ToString(),
                socket.Port,
                counters.PacketsReceived,
                counters.PacketsSent,
                counters.DroppedMalformed + counters.DroppedUnknownPeer + counters.DroppedPoolExhausted + counters.DroppedOversize));
        }

        var checks = new List<HealthCheckStatus>();
        foreach (var (name, entry) in report.Entries)
        {
            checks.Add(new HealthCheckStatus(name, entry.Status.ToString(), entry.Description));
        }

        var body = new Signaling.Contracts.HealthReport(
            report.Status.ToString(),
            _version,
            services.GetRequiredService<ServerInstance>().Id,
            OpusCodecs.DetectBackend() == OpusCodecBackend.Native ? "native" : "managed",
            ports,
            checks);

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(body, _json, context.RequestAborted);
    }
}
