using System.Globalization;
using VanYen.Media.ReceiverAgent;

namespace VanYen.Media.Tests.Shared;

/// <summary>
/// The reference receiver (MediaServer/VanYen.Media.ReceiverAgent) as the tests run it: logged in to a test
/// server over HTTPS with its pinned certificate, recording what it plays, reporting every second.
/// </summary>
internal static class ReferenceReceivers
{
    /// <summary>Starts (logs in) a receiver for <paramref name="receiverId"/> with its device <paramref name="secret"/>.</summary>
    public static async Task<global::VanYen.Media.ReceiverAgent.ReceiverAgent> StartAsync(ServerProcess server, long receiverId, string secret)
    {
        await server.WaitForHttpsUrlAsync();
        var agent = new global::VanYen.Media.ReceiverAgent.ReceiverAgent(new ReceiverAgentOptions
        {
            Server = server.HttpsUrl,
            DeviceId = receiverId.ToString(CultureInfo.InvariantCulture),
            Secret = secret,
            PinSha256 = server.HttpsCertificateSha256,
            RecordPlayedAudio = true,
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            ReceiverReportInterval = TimeSpan.FromSeconds(1),
        });
        await agent.StartAsync();
        return agent;
    }
}
