using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Api;

/// <summary><c>/api/tts</c>: hear a text before broadcasting it, and the abbreviation table the reader expands.</summary>
public static class TtsEndpoints
{
    public static RouteGroupBuilder MapTtsEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var tts = api.MapGroup("/tts").WithTags("Text to speech").RequireAuthorization(AuthPolicies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        tts.MapPost("/preview", PreviewAsync)
            .WithSummary("Renders the text as speech (48 kHz mono WAV) without broadcasting it.")
            .Produces<byte[]>(StatusCodes.Status200OK, "audio/wav")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        tts.MapGet("/abbreviations", GetAbbreviationsAsync)
            .WithSummary("The abbreviation table: built-in entries and the ones users added.")
            .Produces<IReadOnlyList<TtsAbbreviation>>();
        tts.MapPut("/abbreviations/{abbreviation}", SetAbbreviationAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Adds an abbreviation or changes what it reads as (admins).")
            .Produces<TtsAbbreviation>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tts.MapDelete("/abbreviations/{abbreviation}", DeleteAbbreviationAsync)
            .RequireAuthorization(AuthPolicies.Manage)
            .WithSummary("Removes a user's abbreviation (a built-in one it overrode comes back).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The engine voice for a request's voice, rate and pitch: 400 naming the field when one is out of range.</summary>
    public static TextToSpeechVoice ToVoice(string? voice, int? rate, int? pitch)
    {
        string name = voice ?? TextToSpeechVoice.Default.Name;
        if (!EspeakTextToSpeechEngine.VietnameseVoices.Contains(name))
        {
            throw new DomainValidationException(ApiErrors.UnknownVoice, $"voice: '{name}' is not one of {string.Join(", ", EspeakTextToSpeechEngine.VietnameseVoices)}.");
        }

        if (rate is < TextToSpeechVoice.MinimumRate or > TextToSpeechVoice.MaximumRate)
        {
            throw new DomainValidationException(ApiErrors.RateOutOfRange, $"rate: {rate} is outside {TextToSpeechVoice.MinimumRate} to {TextToSpeechVoice.MaximumRate} words per minute.");
        }

        if (pitch is < 0 or > 99)
        {
            throw new DomainValidationException(ApiErrors.PitchOutOfRange, $"pitch: {pitch} is outside 0 to 99.");
        }

        return new TextToSpeechVoice { Name = name, Rate = rate ?? TextToSpeechVoice.DefaultRate, Pitch = pitch ?? TextToSpeechVoice.DefaultPitch };
    }

    /// <summary>
    /// A normalizer with the built-in abbreviations plus the users' table, reading numbers as the voice's region does:
    /// made per request, as the broadcast side does, so the preview reads exactly as the broadcast will.
    /// </summary>
    public static async Task<VietnameseTextNormalizer> CreateNormalizerAsync(ITtsAbbreviationRepository abbreviations, string voiceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(abbreviations);
        var table = new List<KeyValuePair<string, string>>();
        foreach (var entry in await abbreviations.GetAllAsync(cancellationToken).ConfigureAwait(false))
        {
            table.Add(KeyValuePair.Create(entry.Abbreviation, entry.Expansion));
        }

        return new VietnameseTextNormalizer(table, voiceName == "vi-vn-x-south" ? VietnameseDialect.Southern : VietnameseDialect.Northern);
    }

    private static async Task<IResult> PreviewAsync(
        TtsPreviewRequest request, HttpContext context, [FromServices] ITextToSpeechEngine engine, [FromServices] ITtsAbbreviationRepository abbreviations)
    {
        await context.GetCallerAsync().ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw new DomainValidationException(ApiErrors.EmptyText, "text: give the text to read.");
        }

        if (request.Text.Length > BroadcastLimits.MaxTextLength)
        {
            throw new DomainValidationException(ApiErrors.TextTooLong, $"text: {request.Text.Length} characters is more than the {BroadcastLimits.MaxTextLength} allowed.");
        }

        var voice = ToVoice(request.Voice, request.Rate, request.Pitch);
        var renderer = new TextToSpeechRenderer(engine, await CreateNormalizerAsync(abbreviations, voice.Name, context.RequestAborted).ConfigureAwait(false));
        byte[] wav;
        try
        {
            wav = await renderer.RenderWavAsync(request.Text, voice, context.RequestAborted).ConfigureAwait(false);
        }
        catch (TextToSpeechException exception)
        {
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, ApiErrors.SpeechFailed, "Speech synthesis failed: " + exception.Message);
        }

        return Results.File(wav, "audio/wav", "preview.wav");
    }

    private static async Task<IResult> GetAbbreviationsAsync(HttpContext context, [FromServices] ITtsAbbreviationRepository abbreviations) =>
        Results.Ok((await CreateNormalizerAsync(abbreviations, TextToSpeechVoice.Default.Name, context.RequestAborted).ConfigureAwait(false)).Abbreviations
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => new TtsAbbreviation(entry.Key, entry.Value))
            .ToArray());

    private static async Task<IResult> SetAbbreviationAsync(
        string abbreviation, AbbreviationRequest request, HttpContext context, [FromServices] ITtsAbbreviationRepository abbreviations)
    {
        var caller = await context.GetCallerAsync().ConfigureAwait(false);
        var entry = new TtsAbbreviation(abbreviation, request.Expansion);
        await abbreviations.SetAsync(entry, context.RequestAborted).ConfigureAwait(false);
        await context.RequestServices.GetRequiredService<Audit.IAuditLog>().AppendAsync(
            Audit.NewAuditEntry.By(caller, "tts.abbreviation-set") with { TargetKind = "abbreviation", TargetId = abbreviation, AreaId = caller.ScopeAreaId },
            context.RequestAborted).ConfigureAwait(false);
        return Results.Ok(entry);
    }

    private static async Task<IResult> DeleteAbbreviationAsync(
        string abbreviation, HttpContext context, [FromServices] ITtsAbbreviationRepository abbreviations)
    {
        var caller = await context.GetCallerAsync().ConfigureAwait(false);
        if (!await abbreviations.DeleteAsync(abbreviation, context.RequestAborted).ConfigureAwait(false))
        {
            throw new DomainNotFoundException(DomainErrors.InvalidAbbreviation, $"No user abbreviation '{abbreviation}' (built-in ones cannot be removed, only overridden).");
        }

        await context.RequestServices.GetRequiredService<Audit.IAuditLog>().AppendAsync(
            Audit.NewAuditEntry.By(caller, "tts.abbreviation-deleted") with { TargetKind = "abbreviation", TargetId = abbreviation, AreaId = caller.ScopeAreaId },
            context.RequestAborted).ConfigureAwait(false);
        return Results.NoContent();
    }
}
