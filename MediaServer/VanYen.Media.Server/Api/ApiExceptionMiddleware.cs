using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>
/// Turns <see cref="DomainException"/>s and malformed requests (JSON that does not parse, a missing or mistyped
/// field, a body over the size limit) into problem details, so a bad request never becomes a 500.
/// </summary>
public sealed partial class ApiExceptionMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<ApiExceptionMiddleware> _logger;

    public ApiExceptionMiddleware(RequestDelegate next, ILogger<ApiExceptionMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (DomainException exception) when (!context.Response.HasStarted)
        {
            LogRefused(_logger, context.Request.Method, context.Request.Path, exception.Reason, exception.Message);
            await ApiProblems.From(exception).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // The outer message names the parameter; the inner one (System.Text.Json) names the field and its path.
            string detail = exception.InnerException is { } inner ? exception.Message + " " + inner.Message : exception.Message;
            string reason = exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? ApiErrors.RequestTooLarge : ApiErrors.BadRequest;
            LogRefused(_logger, context.Request.Method, context.Request.Path, reason, detail);
            await ApiProblems.Problem(exception.StatusCode, reason, detail).ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused ({Reason}): {Detail}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string reason, string detail);
}
