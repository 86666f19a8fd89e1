using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using VanYen.Media.Engine.Audio.Codec;

namespace VanYen.Media.Server.Hosting;

/// <summary>Tells the person who ran the server where to point their browser, and which Opus backend runs.</summary>
internal static partial class StartupBanner
{
    public static void Print(WebApplication app)
    {
        LogOpusBackend(app.Logger, OpusCodecs.DescribeBackend());
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null)
        {
            return;
        }

        foreach (string address in addresses)
        {
            Console.WriteLine($"VanYen.Media is running. Open {Browsable(address)}");
        }

        if (addresses.Count > 0)
        {
            string first = Browsable(addresses.First()).TrimEnd('/');
            Console.WriteLine($"  announcer console {first}/console · dashboard {first}/dashboard · browser speaker {first}/speaker · meetings {first}/meet");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
    }

    // A wildcard listen address is not something a browser can open.
    private static string Browsable(string address) => address
        .Replace("://[::]", "://localhost", StringComparison.Ordinal)
        .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
        .Replace("://+", "://localhost", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opus codec backend: {Backend}")]
    private static partial void LogOpusBackend(ILogger logger, string backend);
}
