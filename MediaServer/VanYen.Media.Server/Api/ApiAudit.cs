using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>Appends the audit entry of a management action done through the API.</summary>
public static class ApiAudit
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static Task AppendAsync(HttpContext context, User caller, string action, string targetKind, long targetId, long? areaId, object? details = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        var log = context.RequestServices.GetRequiredService<IAuditLog>();
        return log.AppendAsync(
            NewAuditEntry.By(caller, action) with
            {
                TargetKind = targetKind,
                TargetId = targetId.ToString(CultureInfo.InvariantCulture),
                AreaId = areaId,
                DetailsJson = details is null ? null : JsonSerializer.Serialize(details, s_json),
            },
            context.RequestAborted);
    }
}
