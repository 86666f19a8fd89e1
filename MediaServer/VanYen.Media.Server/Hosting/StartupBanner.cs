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
            string browsable = address
                .Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal);
            Console.WriteLine($"VanYen.Media is running. Open {browsable}");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opus codec backend: {Backend}")]
    private static partial void LogOpusBackend(ILogger logger, string backend);
}
