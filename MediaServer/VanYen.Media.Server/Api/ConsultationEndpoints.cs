using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Consultations;
using VanYen.Media.Signaling.Contracts.Consultations;

namespace VanYen.Media.Server.Api;

/// <summary>
/// <c>/api/consultations</c>: a signed-in doctor opens a teleconsultation (khám từ xa) and gets the patient's link,
/// hands out more guest links, admits people from the waiting room and ends the call. Only the consultation's own
/// doctor may read or change it (403 otherwise); an unknown or ended one is 404.
/// </summary>
public static class ConsultationEndpoints
{
    /// <summary>Maps the endpoints; the fault injection one only when <paramref name="faultInjection"/>.</summary>
    public static IEndpointRouteBuilder MapConsultationEndpoints(this IEndpointRouteBuilder endpoints, bool faultInjection)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var consultations = endpoints.MapGroup("/api/consultations").WithTags("Consultations").RequireAuthorization(AuthPolicies.SignedIn)
            .AddEndpointFilter(RefusalsAsProblems)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        consultations.MapPost("/", Open)
            .WithSummary("Opens a consultation with the caller as its doctor: its id, the doctor's page and the patient's link.")
            .Produces<ConsultationCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);
        consultations.MapGet("/{id}", Get)
            .WithSummary("The consultation (doctor only): participants, their links and states, the SFU's totals.")
            .Produces<ConsultationView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        consultations.MapPost("/{id}/links", CreateLink)
            .WithSummary("Another guest link (family member, interpreter, or a new patient link); doctor only.")
            .Produces<ConsultationLinkView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        consultations.MapPost("/{id}/admit/{participantId}", Admit)
            .WithSummary("Lets a participant in from the waiting room; doctor only.")
            .Produces<ConsultationView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        consultations.MapPost("/{id}/end", EndAsync)
            .WithSummary("Ends the call for everyone (each page is told CallEnded); doctor only.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        if (faultInjection)
        {
            consultations.MapPost("/{id}/fault-injection/drop-video", DropVideo)
                .WithSummary("Test switch (VanYen:Consultations:EnableFaultInjection): the next video packets to a participant are not sent, so NACK recovers them.")
                .Produces(StatusCodes.Status204NoContent)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict);
        }

        return endpoints;
    }

    private static async ValueTask<object?> RefusalsAsProblems(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (ConsultationException refused)
        {
            return ApiProblems.Problem(refused.StatusCode, refused.Reason ?? "refused", refused.Message);
        }
    }

    private static async Task<IResult> Open(HttpContext context, [FromServices] ConsultationService consultations)
    {
        ConsultationCreated created = consultations.Open(await context.GetCallerAsync().ConfigureAwait(false));
        return Results.Created($"/api/consultations/{Uri.EscapeDataString(created.Id)}", created);
    }

    private static async Task<IResult> Get(string id, HttpContext context, [FromServices] ConsultationService consultations) =>
        Results.Ok(consultations.Get(await context.GetCallerAsync().ConfigureAwait(false), id));

    private static async Task<IResult> CreateLink(string id, ConsultationLinkRequest? request, HttpContext context, [FromServices] ConsultationService consultations)
    {
        ConsultationLinkView link = consultations.CreateLink(await context.GetCallerAsync().ConfigureAwait(false), id, request?.Role);
        return Results.Created($"/api/consultations/{Uri.EscapeDataString(id)}", link);
    }

    private static async Task<IResult> Admit(string id, string participantId, HttpContext context, [FromServices] ConsultationService consultations) =>
        Results.Ok(consultations.Admit(await context.GetCallerAsync().ConfigureAwait(false), id, participantId));

    private static async Task<IResult> EndAsync(string id, HttpContext context, [FromServices] ConsultationService consultations)
    {
        await consultations.EndAsync(await context.GetCallerAsync().ConfigureAwait(false), id).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> DropVideo(string id, ConsultationDropVideoRequest request, HttpContext context, [FromServices] ConsultationService consultations)
    {
        consultations.DropNextVideoPackets(await context.GetCallerAsync().ConfigureAwait(false), id, request.ParticipantId, request.Count);
        return Results.NoContent();
    }
}
