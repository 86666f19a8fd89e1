using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Hosting;

namespace VanYen.Media.Server.Api;

/// <summary>Registers the REST API: people's authentication, JSON settings, problem details, OpenAPI.</summary>
public static class ApiWebApplicationBuilderExtensions
{
    /// <summary>The folder (in the data folder) that keeps the Data Protection keys of cookies and tokens.</summary>
    public const string KeysDirectoryName = "keys";

    /// <summary>Call once in <c>MediaServerApp.Build</c>, after the domain's registrations; pair with <see cref="ApiWebApplicationExtensions.MapApi"/>.</summary>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var server = new MediaServerOptions();
        builder.Configuration.GetSection(MediaServerOptions.SectionName).Bind(server);
        string dataDirectory = server.DataDirectoryFullPath;

        builder.Services.AddUserAuthentication(Path.Combine(dataDirectory, KeysDirectoryName));
        builder.Services.ConfigureHttpJsonOptions(options => Configure(options));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        builder.Services.AddTextToSpeechPreview(dataDirectory);
        return builder;
    }

    private static void Configure(JsonOptions options)
    {
        options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));

        // Numbers are JSON numbers ("42" is refused; the web default accepts quoted ones, which also muddies the OpenAPI
        // schemas), except that a loudness of -Infinity (a silent file) is written as "-Infinity" rather than failing.
        options.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;

        // A null or missing value for a non-nullable field is a 400 naming the field, not a null deep in the domain.
        options.SerializerOptions.RespectNullableAnnotations = true;
        options.SerializerOptions.RespectRequiredConstructorParameters = true;
    }
}
