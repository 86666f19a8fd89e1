using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Meetings;

namespace VanYen.Media.Server.Api;

/// <summary>
/// <c>/api/meetings</c>: meetings (họp trực tuyến) — create, list, join links, the chair's actions on the room and
/// its participants, recordings, plain RTP participants, the bridge to broadcast and the bridge's counters. Only the
/// chair (the signed-in user who created the meeting) acts on it: others get 403 <c>not-chair</c>; an unknown meeting
/// is 404 <c>meeting-not-found</c>; an ended one 409 <c>meeting-ended</c>.
/// </summary>
public static partial class MeetingEndpoints
{
    public static RouteGroupBuilder MapMeetingEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var meetings = api.MapGroup("/meetings").WithTags("Meetings").RequireAuthorization(AuthPolicies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        meetings.MapPost("/", Create)
            .WithSummary("Creates a meeting chaired by the caller: its id, the participants' join link (lobby) and the chair's link.")
            .Produces<MeetingCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        meetings.MapGet("/", ListAsync)
            .WithSummary("The meetings the caller chairs, newest first.")
            .Produces<IReadOnlyList<MeetingView>>();
        meetings.MapGet("/{id}", GetAsync)
            .WithSummary("One meeting with its participants and lobby (chair only).")
            .Produces<MeetingView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        meetings.MapPost("/{id}/join-tokens", CreateJoinTokenAsync)
            .WithSummary("A new join link /meet/{id}?t=… (body {admitDirectly} to skip the lobby).")
            .Produces<JoinTokenCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapChairAction(meetings, "/{id}/lock", "Locks the meeting: new joiners are refused (409 meeting-locked).", (service, caller, id, _) => service.SetLockedAsync(caller, id, locked: true));
        MapChairAction(meetings, "/{id}/unlock", "Unlocks the meeting.", (service, caller, id, _) => service.SetLockedAsync(caller, id, locked: false));
        MapChairAction(meetings, "/{id}/mute-all", "Mutes every participant but the chair.", (service, caller, id, _) => service.MuteAllAsync(caller, id));
        MapChairAction(meetings, "/{id}/end", "Ends the meeting for everyone (recording and broadcast stop).", (service, caller, id, cancellationToken) => service.EndAsync(caller, id, cancellationToken));
        meetings.MapPost("/{id}/participants/{participantId}/{action}", ActAsync)
            .WithSummary("The chair acts on a participant: admit, remove, mute, ask-unmute or give-floor.")
            .Produces<MeetingView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapRecordingEndpoints(meetings);
        MapMediaEndpoints(meetings);
        return api;
    }

    private static void MapChairAction(RouteGroupBuilder meetings, string pattern, string summary, Func<MeetingService, Domain.User, string, CancellationToken, Task<MeetingView>> action)
    {
        meetings.MapPost(pattern, async (string id, HttpContext context, [FromServices] MeetingService service) =>
                Results.Ok(await action(service, await context.GetCallerAsync().ConfigureAwait(false), id, context.RequestAborted).ConfigureAwait(false)))
            .WithSummary(summary)
            .Produces<MeetingView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Create(CreateMeetingRequest? request, HttpContext context, [FromServices] MeetingService service)
    {
        MeetingCreated created = await service.CreateAsync(await context.GetCallerAsync().ConfigureAwait(false), request).ConfigureAwait(false);
        return Results.Created("/api/meetings/" + Uri.EscapeDataString(created.Id), created);
    }

    private static async Task<IResult> ListAsync(HttpContext context, [FromServices] MeetingService service) =>
        Results.Ok(service.ListMine(await context.GetCallerAsync().ConfigureAwait(false)));

    private static async Task<IResult> GetAsync(string id, HttpContext context, [FromServices] MeetingService service) =>
        Results.Ok(service.Get(await context.GetCallerAsync().ConfigureAwait(false), id));

    private static async Task<IResult> CreateJoinTokenAsync(string id, JoinTokenRequest? request, HttpContext context, [FromServices] MeetingService service)
    {
        JoinTokenCreated created = service.CreateJoinToken(await context.GetCallerAsync().ConfigureAwait(false), id, request);
        return Results.Created(created.Link, created);
    }

    private static async Task<IResult> ActAsync(string id, string participantId, string action, HttpContext context, [FromServices] MeetingService service)
    {
        var caller = await context.GetCallerAsync().ConfigureAwait(false);
        MeetingParticipantAction? parsed = action switch
        {
            "admit" => MeetingParticipantAction.Admit,
            "remove" => MeetingParticipantAction.Remove,
            "mute" => MeetingParticipantAction.Mute,
            "ask-unmute" => MeetingParticipantAction.AskUnmute,
            "give-floor" => MeetingParticipantAction.GiveFloor,
            _ => null,
        };
        if (parsed is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, MeetingErrors.UnknownAction, $"Unknown action '{action}': admit, remove, mute, ask-unmute or give-floor.");
        }

        return Results.Ok(await service.ActAsync(caller, id, participantId, parsed.Value).ConfigureAwait(false));
    }

    private static async Task<IResult> StartBroadcastAsync(string id, MeetingBroadcastRequest? request, HttpContext context, [FromServices] MeetingService service)
    {
        BroadcastView view = await service.StartBroadcastAsync(await context.GetCallerAsync().ConfigureAwait(false), id, request, context.RequestAborted).ConfigureAwait(false);
        return Results.Created("/api/broadcasts/" + Uri.EscapeDataString(view.Id), view);
    }
}
