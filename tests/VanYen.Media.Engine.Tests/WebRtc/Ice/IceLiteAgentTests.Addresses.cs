using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.WebRtc.Ice;

public partial class IceLiteAgentTests
{
    [Fact]
    public void NatRebindingWithUseCandidateMovesTheSelectedAddressAndKeepsTheOldOneValidated()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress wifi = IceCheckBuilder.Address("198.51.100.9", 40000);
        SocketAddress cellular = IceCheckBuilder.Address("203.0.113.77", 61000);
        Check(agent, wifi);
        var changes = new List<IceSelectedAddressChangedEventArgs>();
        session.SelectedAddressChanged += (_, args) => changes.Add(args);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(IceCheckOutcome.Success, Check(agent, cellular));

        Assert.Equal(cellular, session.SelectedAddress);
        IceSelectedAddressChangedEventArgs change = Assert.Single(changes);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 40000), change.Previous);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.77"), 61000), change.Current);
        Assert.True(agent.TryGetSession(wifi, out IceSession? old));
        Assert.Same(session, old);
        Assert.True(agent.TryGetSession(cellular, out IceSession? current));
        Assert.Same(session, current);
        Assert.Equal(1, agent.AddressMoves);
    }

    [Fact]
    public void TheFirstSelectionRaisesTheEventFromNoAddress()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        IceSelectedAddressChangedEventArgs? change = null;
        session.SelectedAddressChanged += (_, args) => change = args;

        Check(agent, IceCheckBuilder.Address("198.51.100.9", 40000));

        Assert.NotNull(change);
        Assert.Null(change.Previous);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 40000), change.Current);
        Assert.Equal(0, agent.AddressMoves);
    }

    [Fact]
    public void ACheckFromANewAddressWithoutUseCandidateValidatesItWithoutMovingMedia()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress selected = IceCheckBuilder.Address("198.51.100.9", 40000);
        SocketAddress backup = IceCheckBuilder.Address("2001:db8::9", 40000);
        Check(agent, selected);
        int changes = 0;
        session.SelectedAddressChanged += (_, _) => changes++;

        Check(agent, backup, useCandidate: false);

        Assert.Equal(selected, session.SelectedAddress);
        Assert.True(agent.TryGetSession(backup, out _));
        Assert.Equal(2, session.ValidatedAddresses.Count);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void MediaFailsOverToAnotherCheckedAddressWhenTheSelectedOneFallsSilent()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress selected = IceCheckBuilder.Address("198.51.100.9", 40000);
        SocketAddress other = IceCheckBuilder.Address("198.51.100.10", 40000);
        Check(agent, selected);
        Check(agent, other, useCandidate: false);

        _time.Advance(TimeSpan.FromSeconds(9));
        Check(agent, other, useCandidate: false);
        Assert.Equal(selected, session.SelectedAddress);

        _time.Advance(TimeSpan.FromSeconds(1));
        Check(agent, other, useCandidate: false);
        Assert.Equal(other, session.SelectedAddress);
        Assert.Equal(1, agent.AddressMoves);
    }

    [Fact]
    public void TheLeastRecentlyCheckedAddressIsEvictedWhenTheSetIsFullButNeverTheSelectedOne()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress selected = IceCheckBuilder.Address("198.51.100.1", 1000);
        Check(agent, selected);
        for (int i = 2; i <= 9; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            Check(agent, IceCheckBuilder.Address($"198.51.100.{i}", 1000), useCandidate: false);
        }

        Assert.Equal(8, session.ValidatedAddresses.Count);
        Assert.Equal(selected, session.SelectedAddress);
        Assert.True(agent.TryGetSession(selected, out _));
        Assert.False(agent.TryGetSession(IceCheckBuilder.Address("198.51.100.2", 1000), out _));
        Assert.True(agent.TryGetSession(IceCheckBuilder.Address("198.51.100.3", 1000), out _));
        Assert.True(agent.TryGetSession(IceCheckBuilder.Address("198.51.100.9", 1000), out _));
    }

    [Fact]
    public void AnIPv4MappedSenderIsAnsweredWithItsIPv4AddressAndKeyedAsTheSocketReportedIt()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress dualMode = IceCheckBuilder.Address("::ffff:127.0.0.1", 5000);
        byte[] request = IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", LocalPassword);

        agent.HandleStun(request, dualMode, _response, out int length, out _);

        Assert.True(StunMessage.TryParse(_response.AsSpan(0, length), out StunMessage answer));
        Assert.True(answer.TryGetXorMappedAddress(out IPAddress? mapped, out int port));
        Assert.Equal(AddressFamily.InterNetwork, mapped!.AddressFamily);
        Assert.Equal(IPAddress.Loopback, mapped);
        Assert.Equal(5000, port);
        // No normalization: DTLS/SRTP from the same dual-mode socket arrive in the same mapped form.
        Assert.True(agent.TryGetSession(IceCheckBuilder.Address("::ffff:127.0.0.1", 5000), out _));
        Assert.False(agent.TryGetSession(IceCheckBuilder.Address("127.0.0.1", 5000), out _));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 5000), session.SelectedEndPoint);
    }

    [Fact]
    public void IPv4AndIPv6AddressesOfOnePeerAreValidatedSideBySide()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress ipv4 = IceCheckBuilder.Address("198.51.100.9", 40000);
        SocketAddress ipv6 = IceCheckBuilder.Address("2001:db8::9", 40000);

        Check(agent, ipv4, useCandidate: false);
        Check(agent, ipv6, useCandidate: true);

        Assert.True(agent.TryGetSession(ipv4, out IceSession? byIPv4));
        Assert.True(agent.TryGetSession(ipv6, out IceSession? byIPv6));
        Assert.Same(session, byIPv4);
        Assert.Same(session, byIPv6);
        Assert.Equal(ipv6, session.SelectedAddress);
    }

    [Fact]
    public void ALookupMatchesAReusedInstanceWithALargerBuffer()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);
        Check(agent, sender);
        var receiveLoopAddress = new SocketAddress(AddressFamily.InterNetworkV6, SocketAddress.GetMaximumAddressSize(AddressFamily.InterNetworkV6));
        sender.Buffer.Span.CopyTo(receiveLoopAddress.Buffer.Span);
        receiveLoopAddress.Buffer.Span[20] = 0xEE;
        receiveLoopAddress.Size = sender.Size;

        Assert.True(agent.TryGetSession(receiveLoopAddress, out IceSession? found));
        Assert.Same(session, found);
        Assert.Equal(IceCheckOutcome.Success, Check(agent, receiveLoopAddress));
        Assert.Single(session.ValidatedAddresses);
    }

    [Fact]
    public void TheIPv6FlowLabelDoesNotMakeANewAddress()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("2001:db8::42", 3478);
        Check(agent, sender);
        SocketAddress labelled = IceCheckBuilder.Address("2001:db8::42", 3478);
        labelled.Buffer.Span[5] = 0x0A;

        Assert.True(agent.TryGetSession(labelled, out _));
        Assert.False(agent.TryGetSession(IceCheckBuilder.Address("2001:db8::42", 3479), out _));
        Check(agent, labelled);
        Assert.Single(session.ValidatedAddresses);
    }

    [Fact]
    public void TheCallersSocketAddressIsCopiedNotKept()
    {
        IceLiteAgent agent = CreateAgent();
        agent.Register(LocalUfrag, LocalPassword);
        SocketAddress reused = IceCheckBuilder.Address("198.51.100.9", 40000);
        Check(agent, reused);

        // The receive loop overwrites its SocketAddress with the next datagram's source.
        IPEndPoint next = new(IPAddress.Parse("192.0.2.1"), 9);
        next.Serialize().Buffer.Span.CopyTo(reused.Buffer.Span);

        Assert.True(agent.TryGetSession(IceCheckBuilder.Address("198.51.100.9", 40000), out _));
        Assert.False(agent.TryGetSession(reused, out _));
    }

    [Fact]
    public void AnAddressWhoseHolderLostConsentCanBeTakenOverByAnotherSession()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession first = agent.Register("SessA", "PasswordOfSessionA0123456");
        IceSession second = agent.Register("SessB", "PasswordOfSessionB0123456");
        SocketAddress reusedMapping = IceCheckBuilder.Address("198.51.100.2", 40002);
        Check(agent, reusedMapping, "SessB:PeerB", "PasswordOfSessionB0123456");
        IceSelectedAddressChangedEventArgs? lost = null;
        second.SelectedAddressChanged += (_, args) => lost = args;

        _time.Advance(TimeSpan.FromSeconds(30));
        IceCheckOutcome outcome = Check(agent, reusedMapping, "SessA:PeerA", "PasswordOfSessionA0123456");

        Assert.Equal(IceCheckOutcome.Success, outcome);
        Assert.True(agent.TryGetSession(reusedMapping, out IceSession? holder));
        Assert.Same(first, holder);
        Assert.Null(second.SelectedAddress);
        Assert.Empty(second.ValidatedAddresses);
        Assert.NotNull(lost);
        Assert.Null(lost.Current);
    }

    [Fact]
    public void ACheckDroppedForAnAddressInUseTeachesNothing()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession fresh = agent.Register("SessA", "PasswordOfSessionA0123456");
        agent.Register("SessB", "PasswordOfSessionB0123456");
        SocketAddress taken = IceCheckBuilder.Address("198.51.100.2", 40002);
        Check(agent, taken, "SessB:PeerB", "PasswordOfSessionB0123456");

        Assert.Equal(IceCheckOutcome.DroppedAddressInUse, Check(agent, taken, "SessA:Spoofer", "PasswordOfSessionA0123456"));

        Assert.Null(fresh.RemoteUfrag);
        Assert.Equal(IceSessionState.New, fresh.State);
        Assert.Null(fresh.LastConsent);
    }

    [Fact]
    public void TheSelectedAddressIsCopiedIntoTheSendLoopsInstance()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        var destination = new SocketAddress(AddressFamily.InterNetworkV6, SocketAddress.GetMaximumAddressSize(AddressFamily.InterNetworkV6));
        Assert.False(session.TryCopySelectedAddress(destination));

        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);
        Check(agent, sender);

        Assert.True(session.TryCopySelectedAddress(destination));
        Assert.Equal(16, destination.Size);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 40000), new IPEndPoint(IPAddress.Any, 0).Create(destination));
    }
}
