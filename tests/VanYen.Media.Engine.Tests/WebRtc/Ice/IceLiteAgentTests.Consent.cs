using System.Net;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.Engine.Tests.WebRtc.Ice;

public partial class IceLiteAgentTests
{
    [Fact]
    public void NoCheckFor30SecondsExpiresTheSessionAndRaisesTheEvent()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);
        Check(agent, sender);
        var expired = new List<IceSessionExpiredEventArgs>();
        agent.SessionExpired += (_, args) => expired.Add(args);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, agent.ExpireStale());
        Assert.Equal(IceSessionState.Connected, session.State);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, agent.ExpireStale());

        IceSessionExpiredEventArgs args = Assert.Single(expired);
        Assert.Same(session, args.Session);
        Assert.Equal(IceSessionExpiryReason.ConsentExpired, args.Reason);
        Assert.Equal(IceSessionState.Expired, session.State);
        Assert.False(agent.TryGetSession(sender, out _));
        Assert.Equal(0, agent.SessionCount);
        Assert.Equal(1, agent.SessionsExpired);
        Assert.Equal(IceCheckOutcome.DroppedUnknownUfrag, Check(agent, sender));
    }

    [Fact]
    public void ACheckEveryFiveSecondsKeepsTheSessionAlivePast35Seconds()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);
        Check(agent, sender);

        for (int second = 1; second <= 40; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            if (second % 5 == 0)
            {
                Assert.Equal(IceCheckOutcome.Success, Check(agent, sender, useCandidate: false));
            }

            Assert.Equal(0, agent.ExpireStale());
        }

        Assert.Equal(IceSessionState.Connected, session.State);
        Assert.Equal(_time.GetUtcNow(), session.LastConsent);
        Assert.True(agent.TryGetSession(sender, out _));
    }

    [Fact]
    public void ASessionThatNeverConnectsExpiresAfterTheConnectTimeout()
    {
        IceLiteAgent agent = CreateAgent(new IceLiteAgentOptions { ConnectTimeout = TimeSpan.FromSeconds(20) });
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        IceSessionExpiredEventArgs? expired = null;
        agent.SessionExpired += (_, args) => expired = args;

        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, agent.ExpireStale());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, agent.ExpireStale());

        Assert.NotNull(expired);
        Assert.Equal(IceSessionExpiryReason.NeverConnected, expired.Reason);
        Assert.Equal(IceSessionState.Expired, session.State);
    }

    [Fact]
    public void TheConsentTimeoutIsConfigurable()
    {
        IceLiteAgent agent = CreateAgent(new IceLiteAgentOptions { ConsentTimeout = TimeSpan.FromSeconds(10) });
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        Check(agent, IceCheckBuilder.Address("198.51.100.9", 40000));

        _time.Advance(TimeSpan.FromSeconds(10));
        agent.ExpireStale();

        Assert.Equal(IceSessionState.Expired, session.State);
    }

    [Fact]
    public void AnAddressWithoutFreshConsentIsForgottenWhileTheSessionLives()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress selected = IceCheckBuilder.Address("198.51.100.9", 40000);
        SocketAddress abandoned = IceCheckBuilder.Address("198.51.100.10", 40000);
        Check(agent, selected);
        Check(agent, abandoned, useCandidate: false);

        for (int i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            Check(agent, selected);
            agent.ExpireStale();
        }

        Assert.Equal(IceSessionState.Connected, session.State);
        Assert.False(agent.TryGetSession(abandoned, out _));
        Assert.True(agent.TryGetSession(selected, out _));
        Assert.Equal([selected], session.ValidatedAddresses);
    }

    [Fact]
    public void ARemovedSessionDoesNotExpireOrRaiseTheEvent()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        int raised = 0;
        agent.SessionExpired += (_, _) => raised++;
        agent.Remove(session);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, agent.ExpireStale());
        Assert.Equal(0, raised);
        Assert.Equal(IceSessionState.Closed, session.State);
    }
}
