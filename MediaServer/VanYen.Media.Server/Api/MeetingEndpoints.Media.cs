using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Meetings;

namespace VanYen.Media.Server.Api;

public static partial class MeetingEndpoints
{
    private static void MapRecordingEndpoints(RouteGroupBuilder meetings)
    {
        meetings.MapPost("/{id}/recording/start", async (string id, HttpContext context, [FromServices] MeetingService service) =>
                Results.Ok(await service.StartRecordingAsync(await context.GetCallerAsync().ConfigureAwait(false), id).ConfigureAwait(false)))
            .WithSummary("Starts recording the meeting's mix to Ogg Opus; everyone sees the indicator.")
            .Produces<MeetingRecordingView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        meetings.MapPost("/{id}/recording/stop", async (string id, HttpContext context, [FromServices] MeetingService service) =>
                Results.Ok(await service.StopRecordingAsync(await context.GetCallerAsync().ConfigureAwait(false), id).ConfigureAwait(false)))
            .WithSummary("Stops the recording and closes the file.")
            .Produces<MeetingRecordingView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        meetings.MapGet("/recordings", async (HttpContext context, [FromServices] MeetingService service) =>
                Results.Ok(service.ListArchive(await context.GetCallerAsync().ConfigureAwait(false))))
            .WithSummary("Every meeting the caller chaired that has recordings (open, ended, or from before a restart), newest first.")
            .Produces<IReadOnlyList<MeetingArchiveView>>();
        meetings.MapGet("/{id}/recordings", async (string id, HttpContext context, [FromServices] MeetingService service) =>
                Results.Ok(service.ListRecordings(await context.GetCallerAsync().ConfigureAwait(false), id)))
            .WithSummary("The meeting's recordings (chair only; also after it ended or the server restarted).")
            .Produces<IReadOnlyList<MeetingRecordingView>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        meetings.MapGet("/{id}/recordings/{file}", async (string id, string file, HttpContext context, [FromServices] MeetingService service) =>
                Results.File(service.RecordingPath(await context.GetCallerAsync().ConfigureAwait(false), id, file), "audio/ogg", file))
            .WithSummary("Downloads one recording (audio/ogg, chair only).")
            .Produces(StatusCodes.Status200OK, contentType: "audio/ogg")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapMediaEndpoints(RouteGroupBuilder meetings)
    {
        meetings.MapPost("/{id}/rtp-participants", async (string id, RtpParticipantRequest? request, HttpContext context, [FromServices] MeetingService service) =>
            {
                RtpParticipantJoined joined = await service.AddRtpParticipantAsync(await context.GetCallerAsync().ConfigureAwait(false), id, request).ConfigureAwait(false);
                return Results.Created("/api/meetings/" + Uri.EscapeDataString(id), joined);
            })
            .WithSummary("A plain RTP/Opus participant (SIP gateway, console, load harness) joins: answers the server's RTP address, port and SSRC.")
            .Produces<RtpParticipantJoined>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        meetings.MapPost("/{id}/broadcast", StartBroadcastAsync)
            .WithSummary("Sends the meeting's mix live to loudspeaker clusters (broadcast scope and priority rules apply).")
            .Produces<BroadcastView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        meetings.MapDelete("/{id}/broadcast", async (string id, HttpContext context, [FromServices] MeetingService service) =>
                Results.Ok(await service.StopBroadcastAsync(await context.GetCallerAsync().ConfigureAwait(false), id, context.RequestAborted).ConfigureAwait(false)))
            .WithSummary("Takes the meeting's mix off the loudspeakers.")
            .Produces<MeetingView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        meetings.MapGet("/{id}/media-stats", async (string id, HttpContext context, [FromServices] MeetingService service) =>
                Results.Ok(service.GetMediaStats(await context.GetCallerAsync().ConfigureAwait(false), id)))
            .WithSummary("The audio bridge's counters (the listener mix is encoded once per 20 ms) and each participant's media (chair only).")
            .Produces<MeetingMediaStats>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
