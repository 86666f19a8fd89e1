using VanYen.Media.Engine.Rooms;

namespace VanYen.Media.Server.Api;

/// <summary>
/// <c>GET /api/echo/{sessionId}/received.wav</c>: what the server decoded from an echo session
/// (the last 30 s at most), so a user, or a test, can hear what reached the server.
/// </summary>
public static class EchoAudioEndpoints
{
    /// <summary>The rate of the audio <see cref="IRoomService.TryGetReceivedAudio"/> returns.</summary>
    public const int SampleRate = 48000;

    public static IEndpointRouteBuilder MapEchoAudio(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/echo/{sessionId}/received.wav", GetReceivedAudio);
        return endpoints;
    }

    private static IResult GetReceivedAudio(string sessionId, IRoomService rooms)
    {
        if (!rooms.TryGetReceivedAudio(sessionId, out short[] samples))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No received audio",
                detail: "Unknown session, or not an echo session: the session id is the one JoinRoom returned, for a session still open.");
        }

        return Results.File(WaveFile.Write(samples, SampleRate), "audio/wav", "received.wav");
    }
}
