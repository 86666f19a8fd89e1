using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using OpenTelemetry.Metrics;
using VanYen.Media.Server.Api;
using VanYen.Media.Server.Health;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Storage;
using VanYen.Media.Signaling.Hosting;

namespace VanYen.Media.Server;

/// <summary>Builds the web application: one place, so tests start exactly what <c>Program</c> starts.</summary>
public static class MediaServerApp
{
    /// <summary>The default address, used when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    public const string DefaultUrl = "http://localhost:8080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddDeviceProtocol();

        builder.Services.AddOptions<MediaServerOptions>()
            .Bind(builder.Configuration.GetSection(MediaServerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SqliteDatabase>();
        builder.Services.AddSingleton<ServerInstance>();
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddBroadcastDomain(builder.Configuration);
        builder.Services.AddMediaEngine();
        builder.Services.AddBroadcasting();
        builder.Services.AddMediaSignaling();
        builder.AddApi();
        builder.Services.AddBroadcastConsoles();
        builder.Services.AddConsultations(builder.Configuration);
        builder.Services.AddMeetings(builder.Configuration);

        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<MediaSocketsHealthCheck>("media-sockets");

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("VanYen.Media.*")
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());

        var app = builder.Build();

        string webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapMediaSignaling();
        app.MapEchoAudio();
        app.MapApi();
        app.MapDeviceProtocol();
        app.MapBroadcastConsoles();
        app.MapConsultations();
        app.MapMeetings();
        app.MapWebClientPages(webRoot);
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }
}
