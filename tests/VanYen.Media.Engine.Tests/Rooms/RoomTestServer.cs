using System.Net;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.Engine.Tests.Rooms;

/// <summary>The server side of the room tests: agent, endpoint, a real UDP socket on 127.0.0.1, clock and rooms.</summary>
internal sealed class RoomTestServer : IAsyncDisposable
{
    private readonly List<string> _closed = [];

    private RoomTestServer(RoomServiceOptions? options)
    {
        Agent = new IceLiteAgent();
        Endpoint = new WebRtcEndpoint(Agent);
        Socket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), Endpoint, new UdpMediaSocketOptions { Name = "test-webrtc", DualMode = false, PacketBufferCount = 256 });
        Endpoint.Attach(Socket);
        Clock = new MediaClock();
        Rooms = new RoomService(Endpoint, Certificate, Clock, options);
        Rooms.SessionClosed += (_, e) =>
        {
            lock (_closed)
            {
                _closed.Add(e.SessionId + ": " + e.Reason);
                Monitor.PulseAll(_closed);
            }
        };
    }

    public static DtlsCertificate Certificate { get; } = DtlsCertificate.Create();

    public IceLiteAgent Agent { get; }

    public WebRtcEndpoint Endpoint { get; }

    public UdpMediaSocket Socket { get; }

    public MediaClock Clock { get; }

    public RoomService Rooms { get; }

    public IPEndPoint EndPoint => Socket.LocalEndPoint;

    public IReadOnlyList<string> ClosedSessions
    {
        get
        {
            lock (_closed)
            {
                return [.. _closed];
            }
        }
    }

    public static RoomTestServer Start(RoomServiceOptions? options = null) => new(options);

    /// <summary>Waits (up to <paramref name="timeout"/>) until a session closed.</summary>
    public string? WaitForClosedSession(TimeSpan timeout)
    {
        lock (_closed)
        {
            if (_closed.Count == 0)
            {
                Monitor.Wait(_closed, timeout);
            }

            return _closed.Count > 0 ? _closed[0] : null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Rooms.Dispose();
        Endpoint.Dispose();
        Clock.Dispose();
        await Socket.DisposeAsync();
    }
}
