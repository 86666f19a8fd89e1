using System.Net;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.Engine.Tests.WebRtc.Ice;

public partial class IceLiteAgentTests
{
    [Fact]
    public async Task SignalingThreadsCanRegisterAndRemoveWhileTheReceiveLoopHandlesChecks()
    {
        IceLiteAgent agent = new(TimeProvider.System);
        IceSession steady = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);
        byte[] request = IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", LocalPassword);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int churned = 0;

        Task signaling = Task.Run(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                IceSession session = agent.CreateSession();
                SocketAddress peer = IceCheckBuilder.Address("203.0.113.1", 1000 + i);
                byte[] response = new byte[IceLiteAgent.MinimumResponseLength];
                agent.HandleStun(IceCheckBuilder.Build($"{session.LocalUfrag}:Peer", session.LocalPassword), peer, response, out _, out _);
                Assert.True(agent.Remove(session));
                Assert.False(agent.TryGetSession(peer, out _));
                churned++;
            }
        }, stop.Token);

        Task receiving = Task.Run(() =>
        {
            byte[] response = new byte[IceLiteAgent.MinimumResponseLength];
            while (!signaling.IsCompleted)
            {
                Assert.Equal(IceCheckOutcome.Success, agent.HandleStun(request, sender, response, out int length, out _));
                Assert.True(length > 0);
                Assert.True(agent.TryGetSession(sender, out IceSession? found));
                Assert.Same(steady, found);
            }
        }, stop.Token);

        await Task.WhenAll(signaling, receiving);

        Assert.Equal(2000, churned);
        Assert.Equal(1, agent.SessionCount);
        Assert.Equal([sender], steady.ValidatedAddresses);
    }
}
