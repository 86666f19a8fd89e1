using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Testing;

namespace VanYen.Media.Server.Api;

/// <summary>
/// <c>POST /api/testing/clock/advance</c>: moves the broadcast scheduler's clock forward, so a test sees a schedule
/// fire without waiting. 404 unless the server runs with <c>--VanYen:Testing:ClockControl=true</c>.
/// </summary>
public static class TestClockEndpoints
{
    private static readonly TimeSpan s_longestAdvance = TimeSpan.FromDays(31);

    public static RouteGroupBuilder MapTestClockEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/testing/clock/advance", Advance)
            .RequireAuthorization(AuthPolicies.Broadcast)
            .WithTags("Testing")
            .WithSummary("Test servers only (VanYen:Testing:ClockControl): moves the scheduler's clock forward; 404 otherwise.")
            .Produces<TestClockView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static IResult Advance(ClockAdvanceRequest request, [FromServices] SchedulerClock clock)
    {
        if (clock.Adjustable is not { } adjustable)
        {
            throw new DomainNotFoundException(TestClockErrors.ClockControlOff, "The test clock is off: start the server with --VanYen:Testing:ClockControl=true.");
        }

        if (!double.IsFinite(request.Seconds) || request.Seconds < 0 || request.Seconds > s_longestAdvance.TotalSeconds)
        {
            throw new DomainValidationException(TestClockErrors.InvalidAdvance, $"seconds must be 0 to {s_longestAdvance.TotalSeconds} (got {request.Seconds}).");
        }

        adjustable.Advance(TimeSpan.FromSeconds(request.Seconds));
        return Results.Ok(new TestClockView(adjustable.GetUtcNow(), adjustable.Offset.TotalSeconds));
    }
}
