using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Engine.Sources.Live;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Server.Devices;
using VanYen.Media.Server.Media;
using VanYen.Media.Signaling.Contracts.Devices;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Server.Hosting;

/// <summary>
/// Registers the device protocol: the HTTPS listener and its self-signed certificate, device token authentication,
/// the login and prepared-program endpoints, the control hub and <see cref="IDeviceControl"/>.
/// </summary>
public static class DeviceProtocolServiceCollectionExtensions
{
    /// <summary>The configuration key of the HTTPS port (default <see cref="DefaultHttpsPort"/>; 0 picks a free port).</summary>
    public const string HttpsPortKey = MediaServerOptions.SectionName + ":HttpsPort";

    /// <summary>The HTTPS port when none is configured.</summary>
    public const int DefaultHttpsPort = 8443;

    /// <summary>
    /// Adds the services and the HTTPS address (on the host of the first HTTP address); call after the URLs are set.
    /// </summary>
    public static WebApplicationBuilder AddDeviceProtocol(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        int httpsPort = builder.Configuration.GetValue(HttpsPortKey, DefaultHttpsPort);
        if (httpsPort is < 0 or > 65535)
        {
            throw new OptionsValidationException(HttpsPortKey, typeof(int), [$"{HttpsPortKey} must be 0 to 65535, not {httpsPort}"]);
        }

        string urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) ?? string.Empty;
        string? httpsUrl = DeriveHttpsUrl(urls, httpsPort);
        if (httpsUrl is not null)
        {
            builder.WebHost.UseUrls(urls + ";" + httpsUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            https.ServerCertificate = kestrel.ApplicationServices.GetRequiredService<HttpsCertificate>().Certificate));

        IServiceCollection services = builder.Services;
        services.AddSingleton(provider => HttpsCertificate.LoadOrCreate(
            Path.Combine(provider.GetRequiredService<IOptions<MediaServerOptions>>().Value.DataDirectoryFullPath, HttpsCertificate.FileName),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<HttpsCertificate>>()));
        services.AddSingleton<DeviceTokenStore>();

        // The media side: the plain-RTP port's handler (set on the router in MapDeviceProtocol), fed by the cluster
        // channels of the broadcast engine (registered by AddBroadcasting).
        services.AddSingleton(provider =>
        {
            var engine = new Lazy<IBroadcastEngine>(provider.GetRequiredService<IBroadcastEngine>);
            return new DeviceMediaEndpoint(
                clusterId => engine.Value.GetChannel(clusterId),
                SrtpProtectionProfile.AeadAes128Gcm,
                provider.GetService<RtpIngestRegistry>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<DeviceMediaEndpoint>>());
        });
        services.AddSingleton<IDeviceMediaRegistry>(provider => provider.GetRequiredService<DeviceMediaEndpoint>());
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DeviceAuthenticationHandler>(DeviceAuthentication.Scheme, displayName: "Device token", configureOptions: null);
        services.AddAuthorizationBuilder().AddPolicy(DeviceAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(DeviceAuthentication.Scheme)
            .RequireAuthenticatedUser());
        services.AddSingleton<DeviceControl>();
        services.AddSingleton<IDeviceControl>(provider => provider.GetRequiredService<DeviceControl>());
        services.AddSingleton<IDeviceSessionObserver>(provider => provider.GetRequiredService<DeviceControl>());

        // The broadcast side (registered by AddBroadcasting) reaches the devices through these two.
        services.AddSingleton<ClusterNowPlayingNotifier>();
        services.AddHostedService(provider => provider.GetRequiredService<ClusterNowPlayingNotifier>());
        services.AddSingleton<PreparedProgramPublisher>();
        services.AddHostedService(provider => provider.GetRequiredService<PreparedProgramPublisher>());
        return builder;
    }

    /// <summary>Maps the device endpoints and hub, and prints the HTTPS address and certificate fingerprint at start.</summary>
    public static WebApplication MapDeviceProtocol(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Before the hosted services start: the media socket host binds the plain-RTP port with this handler.
        app.Services.GetRequiredService<MediaDatagramRouter>().Rtp = app.Services.GetRequiredService<DeviceMediaEndpoint>();
        app.MapDeviceEndpoints();
        app.MapHub<DeviceHub>(DeviceHub.Path);
        app.Lifetime.ApplicationStarted.Register(() => PrintHttpsAddress(app));
        return app;
    }

    /// <summary>
    /// The HTTPS address to add: the host of the first HTTP address with <paramref name="port"/> (a name cannot bind
    /// port 0, so "localhost" becomes 127.0.0.1 then); null when an HTTPS address is already configured.
    /// </summary>
    internal static string? DeriveHttpsUrl(string urls, int port)
    {
        string[] addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Any(address => address.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        string host = "localhost";
        string? http = addresses.FirstOrDefault(address => address.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (http is not null)
        {
            string authority = http["http://".Length..].Split('/')[0];
            int colon = authority.LastIndexOf(':');
            host = colon > 0 && !authority.EndsWith(']') ? authority[..colon] : authority;
        }

        if (port == 0 && host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            host = "127.0.0.1";
        }

        return "https://" + host + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void PrintHttpsAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        string? https = addresses?.FirstOrDefault(address => address.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (https is null)
        {
            return;
        }

        string browsable = https
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal);
        string fingerprint = app.Services.GetRequiredService<HttpsCertificate>().Sha256Fingerprint;
        Console.WriteLine($"Device login (HTTPS): {browsable} certificate SHA-256 {fingerprint}");
    }
}
