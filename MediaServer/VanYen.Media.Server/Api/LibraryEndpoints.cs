using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Library;

namespace VanYen.Media.Server.Api;

/// <summary>
/// <c>/api/library</c>: the audio library. Uploads (mp3, wav, m4a, ogg, amr, webm…) are decoded, loudness-normalized and
/// stored as Ogg Opus; an unsupported file is 415 naming its format, a file over 100 MB is 413.
/// </summary>
public static class LibraryEndpoints
{
    /// <summary>Largest upload accepted.</summary>
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    // Room for the multipart boundaries and the name field around a file of MaxUploadBytes.
    private const long MaxRequestBytes = MaxUploadBytes + (64 * 1024);

    public static RouteGroupBuilder MapLibraryEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var library = api.MapGroup("/library").WithTags("Library").RequireAuthorization(AuthPolicies.SignedIn)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        library.MapPost("/", UploadAsync)
            .RequireAuthorization(AuthPolicies.Broadcast)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .Accepts<LibraryUploadForm>("multipart/form-data")
            .WithSummary("Uploads an audio file (multipart/form-data: 'file', optional 'name'); it is normalized and stored as Ogg Opus.")
            .Produces<LibraryItem>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        library.MapGet("/", ListAsync)
            .WithSummary("Library items of the caller's scope.")
            .Produces<IReadOnlyList<LibraryItem>>();
        library.MapGet("/{id:long}", GetAsync)
            .WithSummary("One library item.")
            .Produces<LibraryItem>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        library.MapPatch("/{id:long}", RenameAsync)
            .RequireAuthorization(AuthPolicies.Broadcast)
            .WithSummary("Renames an item.")
            .Produces<LibraryItem>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        library.MapDelete("/{id:long}", DeleteAsync)
            .RequireAuthorization(AuthPolicies.Broadcast)
            .WithSummary("Removes an item (not while a schedule uses it: 409).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        library.MapGet("/{id:long}/audio", GetAudioAsync)
            .WithSummary("The stored audio (Ogg Opus), with range requests for seeking.")
            .Produces<byte[]>(StatusCodes.Status200OK, "audio/ogg")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, [FromServices] IAudioLibrary library)
    {
        var caller = await request.HttpContext.GetCallerAsync().ConfigureAwait(false);
        if (request.ContentLength > MaxRequestBytes)
        {
            return TooLarge();
        }

        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Problem(
                StatusCodes.Status415UnsupportedMediaType,
                ApiErrors.MultipartRequired,
                $"Send the file as multipart/form-data (field 'file'), not '{request.ContentType ?? "no content type"}'.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            // The multipart reader's limits (body length, section headers) were exceeded.
            return request.HttpContext.Request.ContentLength is null or > MaxUploadBytes
                ? TooLarge()
                : ApiProblems.Problem(StatusCodes.Status400BadRequest, ApiErrors.BadRequest, "The multipart body is malformed: " + exception.Message);
        }

        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, ApiErrors.MissingFile, "file: attach the audio file in the form field 'file'.");
        }

        if (file.Length > MaxUploadBytes)
        {
            return TooLarge();
        }

        string name = form["name"].FirstOrDefault() is { Length: > 0 } given ? given : Path.GetFileNameWithoutExtension(file.FileName);
        var content = file.OpenReadStream();
        await using (content.ConfigureAwait(false))
        {
            var item = await library.ImportAsync(caller, name, content, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return Results.Created($"/api/library/{item.Id}", item);
        }
    }

    private static async Task<IResult> ListAsync(HttpContext context, [FromServices] IAudioLibrary library) =>
        Results.Ok(await library.ListAsync(await context.GetCallerAsync().ConfigureAwait(false), context.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> GetAsync(long id, HttpContext context, [FromServices] IAudioLibrary library) =>
        Results.Ok(await library.GetAsync(await context.GetCallerAsync().ConfigureAwait(false), id, context.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> RenameAsync(long id, RenameRequest request, HttpContext context, [FromServices] IAudioLibrary library) =>
        Results.Ok(await library.RenameAsync(await context.GetCallerAsync().ConfigureAwait(false), id, request.Name, context.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> DeleteAsync(long id, HttpContext context, [FromServices] IAudioLibrary library)
    {
        await library.DeleteAsync(await context.GetCallerAsync().ConfigureAwait(false), id, context.RequestAborted).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> GetAudioAsync(long id, HttpContext context, [FromServices] IAudioLibrary library)
    {
        // GetAsync checks the caller's scope (and that the item exists) before the file is served.
        var item = await library.GetAsync(await context.GetCallerAsync().ConfigureAwait(false), id, context.RequestAborted).ConfigureAwait(false);
        string path = library.GetFilePath(item.Id);
        if (!File.Exists(path))
        {
            throw new DomainNotFoundException("library-file-missing", $"The audio of library item {id} is missing from the data folder.");
        }

        return Results.File(path, "audio/ogg; codecs=opus", item.Name + ".opus", enableRangeProcessing: true);
    }

    private static IResult TooLarge() =>
        ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, ApiErrors.RequestTooLarge, $"The file is larger than the {MaxUploadBytes / (1024 * 1024)} MB allowed.");
}
