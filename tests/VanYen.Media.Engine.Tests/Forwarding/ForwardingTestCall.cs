using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Engine.Tests.Rooms;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Engine.Tests.Forwarding;

/// <summary>A real call over 127.0.0.1: the room test server, the forwarding service, and browser-like clients that join it.</summary>
internal sealed class ForwardingTestCall : IAsyncDisposable
{
    private readonly List<BrowserLikePeer> _clients = [];

    private ForwardingTestCall(ForwardingOptions options)
    {
        Server = RoomTestServer.Start();
        Service = new ForwardingService(Server.Rooms, options, NullLoggerFactory.Instance);
        Room = (ForwardingRoom)Service.Open("consult-1");
    }

    public static readonly byte[] Vp8KeyFrame = [0x10, 0x00, 0x9D, 0x01, 0x2A, 0x40, 0x01, 0xF0, 0x00, 0x11, 0x22, 0x33];

    public static readonly byte[] Vp8DeltaFrame = [0x10, 0x01, 0x55, 0x66, 0x77, 0x88, 0x99];

    public RoomTestServer Server { get; }

    public ForwardingService Service { get; }

    public ForwardingRoom Room { get; }

    public static ForwardingTestCall Start(ForwardingOptions? options = null) => new(options ?? new ForwardingOptions());

    /// <summary>Joins a new client (configured first) and waits until both ends have SRTP keys.</summary>
    public async Task<BrowserLikePeer> JoinAsync(string participantId, Action<BrowserLikePeer>? configure = null)
    {
        var client = new BrowserLikePeer();
        _clients.Add(client);
        configure?.Invoke(client);
        string answer = await Room.JoinAsync(participantId, client.CreateCallOffer(), CancellationToken.None);
        client.AcceptAnswer(answer);
        await client.ConnectAsync(Server.EndPoint);
        await Room.FindParticipant(participantId)!.Peer.Connected.WaitAsync(TimeSpan.FromSeconds(10));
        return client;
    }

    /// <summary>The SSRC the server announced to <paramref name="client"/> on <paramref name="mid"/> (the first; the second of a video m-line is RTX).</summary>
    public static uint AnnouncedSsrc(BrowserLikePeer client, string mid, int index = 0) =>
        client.Negotiated.FindMedia(mid)!.RemoteSsrcs[index];

    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        foreach (BrowserLikePeer client in _clients)
        {
            await client.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
