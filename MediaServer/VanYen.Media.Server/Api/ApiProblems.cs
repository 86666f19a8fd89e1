using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary>The one place that turns refusals into RFC 9457 problem details with a stable <c>reason</c> extension.</summary>
public static class ApiProblems
{
    /// <summary>The extension member that carries the reason code.</summary>
    public const string ReasonKey = "reason";

    /// <summary>The HTTP status of a domain refusal.</summary>
    public static int StatusCodeOf(DomainException exception) => exception switch
    {
        AuthenticationRequiredException => StatusCodes.Status401Unauthorized,
        DomainForbiddenException => StatusCodes.Status403Forbidden,
        DomainNotFoundException => StatusCodes.Status404NotFound,
        DomainConflictException => StatusCodes.Status409Conflict,
        UnsupportedMediaException => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The problem for a domain refusal: its status, the message as detail, its reason code.</summary>
    public static IResult From(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Problem(StatusCodeOf(exception), exception.Reason, exception.Message);
    }

    /// <summary>A problem with a status, a reason code and a sentence for people.</summary>
    public static IResult Problem(int statusCode, string reason, string detail) =>
        Results.Problem(statusCode: statusCode, detail: detail, extensions: new Dictionary<string, object?> { [ReasonKey] = reason });

    /// <summary>403: the thing lies outside the caller's scope or role.</summary>
    public static DomainForbiddenException OutsideScope(string what) =>
        new(ApiErrors.OutsideScope, $"{what} lies outside your scope, or your role does not allow this there.");
}
