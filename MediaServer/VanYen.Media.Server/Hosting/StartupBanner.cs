using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace VanYen.Media.Server.Hosting;

/// <summary>Tells the person who ran the server where to point their browser.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null)
        {
            return;
        }

        foreach (string address in addresses)
        {
            Console.WriteLine($"VanYen.Media is running. Open {address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)}");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
