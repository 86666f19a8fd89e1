using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Broadcasting;

namespace VanYen.Media.Server.Api;

/// <summary><c>GET /api/tts/options</c>: the voices, rates and text length the TTS accepts.</summary>
public static class TtsOptionsEndpoints
{
    public static RouteGroupBuilder MapTtsOptionsEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/tts/options", GetOptions)
            .RequireAuthorization(AuthPolicies.SignedIn)
            .WithTags("Text to speech")
            .WithSummary("The voices, speaking rates and longest text the text-to-speech accepts.")
            .Produces<TtsOptionsView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static IResult GetOptions() => Results.Ok(new TtsOptionsView(
        EspeakTextToSpeechEngine.VietnameseVoices,
        TextToSpeechVoice.Default.Name,
        TextToSpeechVoice.MinimumRate,
        TextToSpeechVoice.MaximumRate,
        BroadcastService.DefaultSpeechRate,
        BroadcastLimits.MaxTextLength));
}
