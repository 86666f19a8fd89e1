using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.WebRtc.Ice;

public partial class IceLiteAgentTests
{
    private const string LocalUfrag = "OurA";
    private const string LocalPassword = "OurIcePassword0123456789";
    private const string RemoteUfrag = "Their";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly byte[] _response = new byte[IceLiteAgent.MinimumResponseLength];

    public static TheoryData<string, int> Senders => new()
    {
        { "203.0.113.5", 50000 },
        { "2001:db8::42", 3478 },
        { "127.0.0.1", 1 },
    };

    [Theory]
    [MemberData(nameof(Senders))]
    public void AValidCheckIsAnsweredWithASignedSuccessThatMapsTheSender(string ip, int port)
    {
        IceLiteAgent agent = CreateAgent();
        IceSession registered = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address(ip, port);
        byte[] request = IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", LocalPassword);

        IceCheckOutcome outcome = agent.HandleStun(request, sender, _response, out int length, out IceSession? session);

        Assert.Equal(IceCheckOutcome.Success, outcome);
        Assert.Same(registered, session);
        Assert.True(StunMessage.TryParse(_response.AsSpan(0, length), out StunMessage answer));
        Assert.Equal(StunMessageClass.SuccessResponse, answer.Class);
        Assert.Equal(request.AsSpan(8, 12).ToArray(), answer.TransactionId.ToArray());
        Assert.True(answer.TryGetXorMappedAddress(out IPAddress? mapped, out int mappedPort));
        Assert.Equal(IPAddress.Parse(ip), mapped);
        Assert.Equal(port, mappedPort);
        Assert.True(answer.VerifyMessageIntegrity("OurIcePassword0123456789"u8));
        Assert.True(answer.VerifyFingerprint());
        Assert.Equal(1, agent.ChecksReceived);
        Assert.Equal(1, agent.ChecksAnswered);
    }

    [Fact]
    public void AValidCheckValidatesSelectsAndConnects()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);

        Check(agent, sender);

        Assert.True(agent.TryGetSession(sender, out IceSession? found));
        Assert.Same(session, found);
        Assert.Equal(IceSessionState.Connected, session.State);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 40000), session.SelectedEndPoint);
        Assert.Equal(sender, session.SelectedAddress);
        Assert.Equal([sender], session.ValidatedAddresses);
        Assert.Equal(_time.GetUtcNow(), session.LastConsent);
        Assert.Equal(RemoteUfrag, session.RemoteUfrag);
        Assert.True(session.IsNominated);
    }

    [Fact]
    public void TheFirstCheckSelectsItsAddressEvenWithoutUseCandidate()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);

        Check(agent, sender, useCandidate: false);

        Assert.Equal(sender, session.SelectedAddress);
        Assert.False(session.IsNominated);
    }

    [Fact]
    public void WithoutSelectOnFirstCheckOnlyUseCandidateSelects()
    {
        IceLiteAgent agent = CreateAgent(new IceLiteAgentOptions { SelectOnFirstCheck = false });
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);

        Check(agent, sender, useCandidate: false);
        Assert.Null(session.SelectedAddress);
        Assert.True(agent.TryGetSession(sender, out _));

        Check(agent, sender, useCandidate: true);
        Assert.Equal(sender, session.SelectedAddress);
    }

    [Fact]
    public void AWrongPasswordGetsNoResponseAndChangesNothing()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);

        AssertDroppedSilently(agent, session, IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", "NotOurPassword0123456789"), IceCheckOutcome.DroppedUnauthenticated);

        Assert.Equal(1, agent.DroppedUnauthenticated);
        Assert.Null(session.RemoteUfrag);
    }

    [Fact]
    public void AnUnknownUfragGetsNoResponseAndIsCounted()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);

        AssertDroppedSilently(agent, session, IceCheckBuilder.Build($"Nobody:{RemoteUfrag}", LocalPassword), IceCheckOutcome.DroppedUnknownUfrag);

        Assert.Equal(1, agent.DroppedUnknownUfrag);
    }

    [Fact]
    public void ACheckWithoutMessageIntegrityGetsNoResponse()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);

        AssertDroppedSilently(agent, session, IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", password: null), IceCheckOutcome.DroppedUnauthenticated);

        Assert.Equal(1, agent.DroppedUnauthenticated);
    }

    [Fact]
    public void ACheckWithoutUsernameGetsNoResponse()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);

        AssertDroppedSilently(agent, session, IceCheckBuilder.Build(username: null, LocalPassword), IceCheckOutcome.DroppedUnauthenticated);
        AssertDroppedSilently(agent, session, IceCheckBuilder.Build(LocalUfrag, LocalPassword), IceCheckOutcome.DroppedUnauthenticated);

        Assert.Equal(2, agent.DroppedUnauthenticated);
    }

    [Fact]
    public void GarbageBytesAreDroppedAsMalformed()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);

        AssertDroppedSilently(agent, session, [0x00, 0x01, 0x02], IceCheckOutcome.DroppedMalformed);
        AssertDroppedSilently(agent, session, [], IceCheckOutcome.DroppedMalformed);
        AssertDroppedSilently(agent, session, new byte[100], IceCheckOutcome.DroppedMalformed);

        Assert.Equal(3, agent.DroppedMalformed);
    }

    [Fact]
    public void AWrongFingerprintIsDroppedAsMalformed()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        byte[] request = IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", LocalPassword);
        request[^1] ^= 0x01;

        AssertDroppedSilently(agent, session, request, IceCheckOutcome.DroppedMalformed);
    }

    [Fact]
    public void ACheckWithoutFingerprintIsDroppedAsMalformed()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);

        AssertDroppedSilently(agent, session, IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", LocalPassword, fingerprint: false), IceCheckOutcome.DroppedMalformed);
    }

    [Fact]
    public void ABindingIndicationIsIgnored()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);

        AssertDroppedSilently(agent, session, IceCheckBuilder.BuildIndication(), IceCheckOutcome.Ignored);

        Assert.Equal(1, agent.Ignored);
    }

    [Fact]
    public void ASenderUfragThatIsNotTheKnownRemoteUfragIsRejected()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword, RemoteUfrag);

        AssertDroppedSilently(agent, session, IceCheckBuilder.Build($"{LocalUfrag}:Stranger", LocalPassword), IceCheckOutcome.DroppedRemoteUfragMismatch);

        Assert.Equal(1, agent.DroppedRemoteUfragMismatch);
    }

    [Fact]
    public void TheRemoteUfragLearnedFromTheFirstCheckIsEnforcedAfterwards()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress first = IceCheckBuilder.Address("198.51.100.9", 40000);
        Check(agent, first);

        SocketAddress other = IceCheckBuilder.Address("198.51.100.10", 40000);
        byte[] request = IceCheckBuilder.Build($"{LocalUfrag}:Stranger", LocalPassword);
        IceCheckOutcome outcome = agent.HandleStun(request, other, _response, out int length, out IceSession? found);

        Assert.Equal(IceCheckOutcome.DroppedRemoteUfragMismatch, outcome);
        Assert.Equal(0, length);
        Assert.Null(found);
        Assert.Equal(RemoteUfrag, session.RemoteUfrag);
        Assert.False(agent.TryGetSession(other, out _));
    }

    [Fact]
    public void AnAuthenticatedControlledPeerGetsASigned487AndChangesNothing()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);
        byte[] request = IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", LocalPassword, controlled: true);

        IceCheckOutcome outcome = agent.HandleStun(request, sender, _response, out int length, out IceSession? found);

        Assert.Equal(IceCheckOutcome.RoleConflict, outcome);
        Assert.Same(session, found);
        Assert.True(StunMessage.TryParse(_response.AsSpan(0, length), out StunMessage answer));
        Assert.Equal(StunMessageClass.ErrorResponse, answer.Class);
        Assert.True(answer.TryGetErrorCode(out int code, out _));
        Assert.Equal(StunErrorCode.RoleConflict, code);
        Assert.True(answer.VerifyMessageIntegrity("OurIcePassword0123456789"u8));
        Assert.Equal(IceSessionState.New, session.State);
        Assert.False(agent.TryGetSession(sender, out _));
        Assert.Equal(1, agent.RoleConflicts);
    }

    [Fact]
    public void AnUnauthenticatedControlledPeerGetsNothing()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);

        AssertDroppedSilently(
            agent, session, IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", "NotOurPassword0123456789", controlled: true), IceCheckOutcome.DroppedUnauthenticated);

        Assert.Equal(0, agent.RoleConflicts);
    }

    [Fact]
    public void AnAuthenticatedCheckWithAnUnknownRequiredAttributeGetsASigned420()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        byte[] request = IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", LocalPassword, extraAttribute: 0x7F31);

        IceCheckOutcome outcome = agent.HandleStun(request, IceCheckBuilder.Address("198.51.100.9", 40000), _response, out int length, out _);

        Assert.Equal(IceCheckOutcome.UnknownAttribute, outcome);
        Assert.True(StunMessage.TryParse(_response.AsSpan(0, length), out StunMessage answer));
        Assert.True(answer.TryGetErrorCode(out int code, out _));
        Assert.Equal(StunErrorCode.UnknownAttribute, code);
        Assert.True(answer.VerifyMessageIntegrity("OurIcePassword0123456789"u8));
        Assert.Equal(IceSessionState.New, session.State);
        Assert.Equal(1, agent.UnknownAttributes);
    }

    [Fact]
    public void TwoSessionsAreKeptApartByUfrag()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession first = agent.Register("SessA", "PasswordOfSessionA0123456");
        IceSession second = agent.Register("SessB", "PasswordOfSessionB0123456");
        SocketAddress firstAddress = IceCheckBuilder.Address("198.51.100.1", 40001);
        SocketAddress secondAddress = IceCheckBuilder.Address("198.51.100.2", 40002);

        Assert.Equal(IceCheckOutcome.Success, Check(agent, firstAddress, "SessA:PeerA", "PasswordOfSessionA0123456"));
        Assert.Equal(IceCheckOutcome.Success, Check(agent, secondAddress, "SessB:PeerB", "PasswordOfSessionB0123456"));
        // A's credentials do not open B.
        Assert.Equal(IceCheckOutcome.DroppedUnauthenticated, Check(agent, secondAddress, "SessB:PeerB", "PasswordOfSessionA0123456"));

        Assert.True(agent.TryGetSession(firstAddress, out IceSession? foundFirst));
        Assert.True(agent.TryGetSession(secondAddress, out IceSession? foundSecond));
        Assert.Same(first, foundFirst);
        Assert.Same(second, foundSecond);
        Assert.Equal("PeerA", first.RemoteUfrag);
        Assert.Equal("PeerB", second.RemoteUfrag);
    }

    [Fact]
    public void ACheckForOneSessionFromAnotherSessionsAddressDoesNotMoveIt()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession first = agent.Register("SessA", "PasswordOfSessionA0123456");
        IceSession second = agent.Register("SessB", "PasswordOfSessionB0123456");
        SocketAddress firstAddress = IceCheckBuilder.Address("198.51.100.1", 40001);
        SocketAddress secondAddress = IceCheckBuilder.Address("198.51.100.2", 40002);
        Check(agent, firstAddress, "SessA:PeerA", "PasswordOfSessionA0123456");
        Check(agent, secondAddress, "SessB:PeerB", "PasswordOfSessionB0123456");

        byte[] request = IceCheckBuilder.Build("SessA:PeerA", "PasswordOfSessionA0123456");
        IceCheckOutcome outcome = agent.HandleStun(request, secondAddress, _response, out int length, out _);

        Assert.Equal(IceCheckOutcome.DroppedAddressInUse, outcome);
        Assert.Equal(0, length);
        Assert.Equal("PeerA", first.RemoteUfrag);
        Assert.Equal(secondAddress, second.SelectedAddress);
        Assert.Equal(firstAddress, first.SelectedAddress);
        Assert.Equal([firstAddress], first.ValidatedAddresses);
        Assert.True(agent.TryGetSession(secondAddress, out IceSession? holder));
        Assert.Same(second, holder);
        Assert.Equal(1, agent.DroppedAddressInUse);
    }

    [Fact]
    public void ARemovedSessionIsForgottenAtOnce()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);
        Check(agent, sender);

        Assert.True(agent.Remove(session));
        Assert.False(agent.Remove(session));

        Assert.Equal(IceSessionState.Closed, session.State);
        Assert.False(agent.TryGetSession(sender, out _));
        Assert.False(agent.TryGetSessionByUfrag(LocalUfrag, out _));
        Assert.Equal(0, agent.SessionCount);
        Assert.Equal(IceCheckOutcome.DroppedUnknownUfrag, Check(agent, sender));
        Assert.Null(session.SelectedAddress);
    }

    [Fact]
    public void RegisterRejectsCredentialsOutsideTheIceGrammar()
    {
        IceLiteAgent agent = CreateAgent();

        Assert.Throws<ArgumentException>(() => agent.Register("abc", LocalPassword));
        Assert.Throws<ArgumentException>(() => agent.Register("ab:c", LocalPassword));
        Assert.Throws<ArgumentException>(() => agent.Register(LocalUfrag, "tooShortPassword"));
        Assert.Throws<ArgumentException>(() => agent.Register(LocalUfrag, "our-ice-password-24chars"));
        Assert.Throws<ArgumentException>(() => agent.Register(LocalUfrag, LocalPassword, "bad:remote"));
        Assert.Equal(0, agent.SessionCount);
    }

    [Fact]
    public void RegisterRejectsAUfragAlreadyInUse()
    {
        IceLiteAgent agent = CreateAgent();
        agent.Register(LocalUfrag, LocalPassword);

        Assert.Throws<InvalidOperationException>(() => agent.Register(LocalUfrag, "AnotherPassword0123456789"));
    }

    [Fact]
    public void CreateSessionDrawsFreshValidCredentials()
    {
        IceLiteAgent agent = CreateAgent();
        var ufrags = new HashSet<string>();
        for (int i = 0; i < 200; i++)
        {
            IceSession session = agent.CreateSession();
            Assert.True(IceCredentials.IsValid(session.LocalUfrag, IceCredentials.MinUfragLength));
            Assert.True(IceCredentials.IsValid(session.LocalPassword, IceCredentials.MinPasswordLength));
            Assert.True(ufrags.Add(session.LocalUfrag));
        }

        Assert.Equal(200, agent.SessionCount);
    }

    [Fact]
    public void ACreatedSessionAnswersChecksWithItsCredentials()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.CreateSession(remoteUfrag: "PeerX");
        SocketAddress sender = IceCheckBuilder.Address("198.51.100.9", 40000);

        Assert.Equal(IceCheckOutcome.Success, Check(agent, sender, $"{session.LocalUfrag}:PeerX", session.LocalPassword));
        Assert.Equal(IceSessionState.Connected, session.State);
    }

    [Fact]
    public void HandleStunRejectsAResponseBufferThatIsTooSmall()
    {
        IceLiteAgent agent = CreateAgent();

        Assert.Throws<ArgumentException>(() => agent.HandleStun([], IceCheckBuilder.Address("127.0.0.1", 1), new byte[10], out _, out _));
    }

    [Fact]
    public void ASteadyStateConsentCheckAllocatesNothing()
    {
        IceLiteAgent agent = CreateAgent();
        agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("2001:db8::42", 3478);
        byte[] request = IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", LocalPassword);
        byte[] response = _response;
        Check(agent, sender);

        AllocationBudget.AssertZero(() => agent.HandleStun(request, sender, response, out _, out _));
        Assert.Equal(IceCheckOutcome.Success, agent.HandleStun(request, sender, response, out _, out _));
    }

    [Fact]
    public void AnAddressLookupAllocatesNothing()
    {
        IceLiteAgent agent = CreateAgent();
        agent.Register(LocalUfrag, LocalPassword);
        Check(agent, IceCheckBuilder.Address("203.0.113.5", 50000));
        // A different instance with the same value, as a receive loop's reused SocketAddress would be.
        SocketAddress lookup = IceCheckBuilder.Address("203.0.113.5", 50000);

        AllocationBudget.AssertZero(() => agent.TryGetSession(lookup, out _));
        Assert.True(agent.TryGetSession(lookup, out _));
    }

    [Fact]
    public void CopyingTheSelectedAddressForTheSendPathAllocatesNothing()
    {
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("2001:db8::42", 3478);
        Check(agent, sender);
        var destination = new SocketAddress(AddressFamily.InterNetworkV6, SocketAddress.GetMaximumAddressSize(AddressFamily.InterNetworkV6));

        AllocationBudget.AssertZero(() => session.TryCopySelectedAddress(destination));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::42"), 3478), new IPEndPoint(IPAddress.IPv6Any, 0).Create(destination));
    }

    private IceLiteAgent CreateAgent(IceLiteAgentOptions? options = null) => new(_time, options);

    private IceCheckOutcome Check(
        IceLiteAgent agent, SocketAddress sender, string username = $"{LocalUfrag}:{RemoteUfrag}", string password = LocalPassword, bool useCandidate = true) =>
        agent.HandleStun(IceCheckBuilder.Build(username, password, useCandidate), sender, _response, out _, out _);

    private void AssertDroppedSilently(IceLiteAgent agent, IceSession session, byte[] datagram, IceCheckOutcome expected)
    {
        SocketAddress sender = IceCheckBuilder.Address("192.0.2.66", 6666);
        long answered = agent.ChecksAnswered;

        IceCheckOutcome outcome = agent.HandleStun(datagram, sender, _response, out int length, out IceSession? found);

        Assert.Equal(expected, outcome);
        Assert.Equal(0, length);
        Assert.Null(found);
        Assert.Equal(answered, agent.ChecksAnswered);
        Assert.Equal(IceSessionState.New, session.State);
        Assert.Empty(session.ValidatedAddresses);
        Assert.Null(session.SelectedAddress);
        Assert.Null(session.LastConsent);
        Assert.False(agent.TryGetSession(sender, out _));
    }
}
