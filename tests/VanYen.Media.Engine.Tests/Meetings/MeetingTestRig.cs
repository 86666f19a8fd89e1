using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Tests.Rooms;

namespace VanYen.Media.Engine.Tests.Meetings;

/// <summary>The server side of the meeting tests: the room server (WebRTC) and the bridge with its plain RTP socket on 127.0.0.1.</summary>
internal sealed class MeetingTestRig : IAsyncDisposable
{
    private MeetingTestRig(MeetingMediaOptions options)
    {
        Server = RoomTestServer.Start();
        Service = new MeetingMediaService(Server.Rooms, Server.Clock, options with { RtpEndPoint = new IPEndPoint(IPAddress.Loopback, 0) }, NullLoggerFactory.Instance);
    }

    public RoomTestServer Server { get; }

    public MeetingMediaService Service { get; }

    public static MeetingTestRig Start(MeetingMediaOptions? options = null) => new(options ?? new MeetingMediaOptions());

    /// <summary>Joins each client as a plain RTP participant of <paramref name="meeting"/> and points it at the server.</summary>
    public static void JoinAll(IMeetingMedia meeting, params PlainRtpTestParticipant[] clients)
    {
        foreach (PlainRtpTestParticipant client in clients)
        {
            MeetingRtpJoin join = meeting.JoinPlainRtp(client.Id, client.LocalEndPoint, PlainRtpTestParticipant.PayloadType);
            client.ConnectTo(join.ServerEndpoint);
        }
    }

    /// <summary>Sends packet i of every client every 20 ms (deadlines from the start, so pacing does not drift).</summary>
    public static async Task SendPacedAsync(IReadOnlyList<PlainRtpTestParticipant> clients, IReadOnlyList<List<(byte[] Opus, byte Level)>> streams, Action<int>? beforeFrame = null)
    {
        int frames = streams.Max(stream => stream.Count);
        foreach (PlainRtpTestParticipant client in clients)
        {
            client.ClearReceived();
        }

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < frames; i++)
        {
            TimeSpan wait = TimeSpan.FromMilliseconds(20 * i) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            beforeFrame?.Invoke(i);
            for (int c = 0; c < clients.Count; c++)
            {
                if (i < streams[c].Count)
                {
                    clients[c].SendOpus(streams[c][i].Opus, streams[c][i].Level);
                }
            }
        }

        // Let the jitter buffers drain and the last mixed packets arrive.
        await Task.Delay(300);
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Server.DisposeAsync();
    }
}
