namespace VanYen.Media.Server.Api;

/// <summary>The multipart form of <c>POST /api/library</c>, for the OpenAPI document.</summary>
/// <param name="File">The audio file.</param>
/// <param name="Name">Display name; default: the file name without its extension.</param>
public sealed record LibraryUploadForm(IFormFile File, string? Name);
