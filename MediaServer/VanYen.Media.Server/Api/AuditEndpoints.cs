using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary><c>/api/audit</c> and <c>/api/audit.csv</c>: the audit log of the caller's scope, filtered, as JSON pages or CSV.</summary>
public static class AuditEndpoints
{
    /// <summary>Default page size.</summary>
    public const int DefaultPageSize = 100;

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/audit", QueryAsync)
            .RequireAuthorization(AuthPolicies.SignedIn)
            .WithTags("Audit")
            .WithSummary("Audit entries, newest first: from/to (ISO 8601), action, user (login name), areaId (default: the caller's scope), page (1-based), pageSize (≤ 1000).")
            .Produces<AuditPageView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/audit.csv", ExportAsync)
            .RequireAuthorization(AuthPolicies.SignedIn)
            .WithTags("Audit")
            .WithSummary("The same entries (all pages) as CSV (RFC 4180).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<IResult> QueryAsync(
        DateTimeOffset? from, DateTimeOffset? to, string? action, string? user, long? areaId, int? page, int? pageSize, HttpContext context, [FromServices] IAuditLog log)
    {
        int size = pageSize ?? DefaultPageSize;
        int number = page ?? 1;
        if (number < 1 || size is < 1 or > AuditQuery.MaxLimit)
        {
            throw new DomainValidationException(ApiErrors.InvalidPage, $"page must be 1 or more and pageSize 1 to {AuditQuery.MaxLimit}.");
        }

        var query = await BuildQueryAsync(context, from, to, action, user, areaId).ConfigureAwait(false);
        var result = await log.QueryAsync(query with { Offset = (number - 1) * size, Limit = size }, context.RequestAborted).ConfigureAwait(false);
        return Results.Ok(new AuditPageView(result.Entries, result.TotalCount, number, size));
    }

    private static async Task ExportAsync(DateTimeOffset? from, DateTimeOffset? to, string? action, string? user, long? areaId, HttpContext context, [FromServices] IAuditLog log)
    {
        var query = await BuildQueryAsync(context, from, to, action, user, areaId).ConfigureAwait(false);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"";
        var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await using (writer.ConfigureAwait(false))
        {
            await AuditCsv.ExportAsync(log, query, writer, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<AuditQuery> BuildQueryAsync(HttpContext context, DateTimeOffset? from, DateTimeOffset? to, string? action, string? user, long? areaId)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        long area = scope.ViewableAreaOrScope(areaId);

        // A district-wide user sees everything, including entries tied to no area (a failed login of an unknown name).
        bool wholeTree = areaId is null && scope.Areas.Find(area)?.ParentId is null;
        return new AuditQuery { From = from, Until = to, Action = string.IsNullOrWhiteSpace(action) ? null : action, UserName = string.IsNullOrWhiteSpace(user) ? null : user.Trim(), AreaId = wholeTree ? null : area };
    }
}
