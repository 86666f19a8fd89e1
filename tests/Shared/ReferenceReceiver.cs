using System.Globalization;
using VanYen.Media.ReceiverAgent;

namespace VanYen.Media.Tests.Shared;

/// <summary>
/// The reference receiver (<see cref="ReceiverAgent.ReceiverAgent"/>) as the tests run it against a
/// <see cref="ServerProcess"/>: logged in over HTTPS with the pinned certificate, recording what it plays.
/// </summary>
internal static class ReferenceReceiver
{
    /// <summary>A started agent for receiver <paramref name="receiverId"/> (its device secret <paramref name="secret"/>).</summary>
    public static async Task<ReceiverAgent.ReceiverAgent> StartAsync(ServerProcess server, long receiverId, string secret)
    {
        var agent = new ReceiverAgent.ReceiverAgent(new ReceiverAgentOptions
        {
            Server = await server.WaitForHttpsUrlAsync(),
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

    /// <summary>
    /// What the agent played from frame <paramref name="firstFrame"/> on, from its first live frame to its last one
    /// (silent frames between them kept, so the time axis stays that of the program).
    /// </summary>
    public static short[] PlayedSince(ReceiverAgent.ReceiverAgent agent, int firstFrame)
    {
        IReadOnlyList<PlayedFrame> frames = agent.GetPlayedFrames();
        int first = -1, last = -1;
        for (int i = firstFrame; i < frames.Count; i++)
        {
            if (frames[i].Source == PlayedFrameSource.Live)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        var samples = new List<short>();
        for (int i = first; first >= 0 && i <= last; i++)
        {
            samples.AddRange(frames[i].Samples);
        }

        return [.. samples];
    }
}
