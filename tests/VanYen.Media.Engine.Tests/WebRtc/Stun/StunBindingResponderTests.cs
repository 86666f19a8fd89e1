using System.Net;
using System.Net.Sockets;
using System.Text;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.WebRtc.Stun;

public class StunBindingResponderTests
{
    private static readonly byte[] _localUfrag = "Ab3d"u8.ToArray();
    private static readonly byte[] _localPassword = "our-ice-password-24chars"u8.ToArray();
    private static readonly byte[] _transactionId = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC];

    public static TheoryData<string, int> Senders => new()
    {
        { "203.0.113.5", 50000 },
        { "2001:db8::42", 3478 },
        { "127.0.0.1", 1 },
    };

    [Theory]
    [MemberData(nameof(Senders))]
    public void AChromeLikeCheckGetsAnAuthenticatedResponseMappingTheSender(string senderAddress, int senderPort)
    {
        byte[] request = BuildCheck();
        var sender = new IPEndPoint(IPAddress.Parse(senderAddress), senderPort);
        byte[] response = new byte[StunBindingResponder.MinimumDestinationLength];

        Assert.True(StunMessage.TryParse(request, out StunMessage check));
        StunBindingOutcome outcome = StunBindingResponder.Respond(check, _localUfrag, _localPassword, sender.Serialize(), response, out int written);

        Assert.Equal(StunBindingOutcome.Success, outcome);
        Assert.True(StunMessage.TryParse(response.AsSpan(0, written), out StunMessage answer));
        Assert.Equal(StunMethod.Binding, answer.Method);
        Assert.Equal(StunMessageClass.SuccessResponse, answer.Class);
        Assert.Equal(_transactionId, answer.TransactionId.ToArray());
        Assert.True(answer.TryGetXorMappedAddress(out IPAddress? mapped, out int mappedPort));
        Assert.Equal(sender.Address, mapped);
        Assert.Equal(sender.Port, mappedPort);
        Assert.True(answer.VerifyMessageIntegrity(_localPassword));
        Assert.False(answer.VerifyMessageIntegrity("their-password"u8));
        Assert.True(answer.VerifyFingerprint());
    }

    [Fact]
    public void ASuccessResponseToADualModeSocketMapsTheIPv4Address()
    {
        byte[] request = BuildCheck();
        SocketAddress sender = new IPEndPoint(IPAddress.Parse("::ffff:192.0.2.77"), 61000).Serialize();
        byte[] response = new byte[StunBindingResponder.MinimumDestinationLength];
        Assert.True(StunMessage.TryParse(request, out StunMessage check));

        int written = StunBindingResponder.WriteSuccessResponse(check, sender, _localPassword, response);

        Assert.True(StunMessage.TryParse(response.AsSpan(0, written), out StunMessage answer));
        var decoded = new SocketAddress(AddressFamily.InterNetworkV6);
        Assert.True(answer.TryGetXorMappedAddress(decoded));
        StunMessageTests.AssertSameSocketAddress(new IPEndPoint(IPAddress.Parse("192.0.2.77"), 61000).Serialize(), decoded);
    }

    [Fact]
    public void ACheckWithoutMessageIntegrityGetsAnUnsigned400()
    {
        AssertErrorResponse(BuildCheck(withIntegrity: false), StunBindingOutcome.BadRequest, 400, signed: false);
    }

    [Fact]
    public void ACheckWithoutUsernameGetsAnUnsigned400()
    {
        AssertErrorResponse(BuildCheck(username: null), StunBindingOutcome.BadRequest, 400, signed: false);
    }

    [Fact]
    public void ACheckForAnotherUfragGetsAnUnsigned401()
    {
        AssertErrorResponse(BuildCheck(username: "Zz9z:peer"), StunBindingOutcome.Unauthorized, 401, signed: false);
    }

    [Fact]
    public void ACheckSignedWithAnotherPasswordGetsAnUnsigned401()
    {
        AssertErrorResponse(BuildCheck(password: "not-our-password"), StunBindingOutcome.Unauthorized, 401, signed: false);
    }

    [Fact]
    public void ACheckWithUnknownComprehensionRequiredAttributesGetsASigned420ListingThem()
    {
        byte[] response = AssertErrorResponse(
            BuildCheck(extraAttribute: 0x7777), StunBindingOutcome.UnknownAttribute, 420, signed: true);
        Assert.True(StunMessage.TryParse(response, out StunMessage answer));
        var listed = new ushort[2];
        Assert.Equal(1, answer.GetUnknownAttributesList(listed));
        Assert.Equal(0x7777, listed[0]);
    }

    [Fact]
    public void AComprehensionOptionalUnknownAttributeIsNotAnError()
    {
        byte[] request = BuildCheck(extraAttribute: 0xC057);
        Assert.True(StunMessage.TryParse(request, out StunMessage check));
        byte[] response = new byte[StunBindingResponder.MinimumDestinationLength];
        SocketAddress sender = new IPEndPoint(IPAddress.Loopback, 5000).Serialize();
        Assert.Equal(StunBindingOutcome.Success, StunBindingResponder.Respond(check, _localUfrag, _localPassword, sender, response, out _));
    }

    [Fact]
    public void AControlledPeerGetsASigned487()
    {
        AssertErrorResponse(BuildCheck(controlling: false), StunBindingOutcome.RoleConflict, 487, signed: true);
    }

    [Fact]
    public void ABindingIndicationIsIgnored()
    {
        byte[] buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Indication, _transactionId);
        int length = writer.AddFingerprint();
        AssertIgnored(buffer.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void AResponseIsIgnored()
    {
        AssertIgnored(Rfc5769Vectors.IPv4Response);
    }

    [Fact]
    public void ACheckWithABadFingerprintIsIgnored()
    {
        byte[] request = BuildCheck();
        request[^1] ^= 0xFF;
        AssertIgnored(request);
    }

    [Fact]
    public void ATooSmallDestinationThrows()
    {
        byte[] request = BuildCheck();
        SocketAddress sender = new IPEndPoint(IPAddress.Loopback, 5000).Serialize();
        Assert.Throws<ArgumentException>(() =>
        {
            Assert.True(StunMessage.TryParse(request, out StunMessage check));
            StunBindingResponder.Respond(check, _localUfrag, _localPassword, sender, new byte[100], out _);
        });
    }

    [Fact]
    public void HandlingOneConnectivityCheckAllocatesNothing()
    {
        byte[] request = BuildCheck();
        byte[] response = new byte[StunBindingResponder.MinimumDestinationLength];
        SocketAddress ipv4 = new IPEndPoint(IPAddress.Parse("203.0.113.5"), 50000).Serialize();
        SocketAddress ipv6 = new IPEndPoint(IPAddress.Parse("2001:db8::42"), 50000).Serialize();
        byte[] ufrag = _localUfrag;
        byte[] password = _localPassword;
        int sent = 0;
        AllocationBudget.AssertZero(() =>
        {
            if (!StunMessage.TryParse(request, out StunMessage check)
                || StunBindingResponder.Respond(check, ufrag, password, (sent++ & 1) == 0 ? ipv4 : ipv6, response, out _) != StunBindingOutcome.Success)
            {
                throw new InvalidOperationException("the check must succeed");
            }
        });
    }

    [Fact]
    public void AnsweringARejectedCheckAllocatesNothing()
    {
        byte[] request = BuildCheck(extraAttribute: 0x7777);
        byte[] response = new byte[StunBindingResponder.MinimumDestinationLength];
        SocketAddress sender = new IPEndPoint(IPAddress.Loopback, 5000).Serialize();
        byte[] ufrag = _localUfrag;
        byte[] password = _localPassword;
        AllocationBudget.AssertZero(() =>
        {
            if (!StunMessage.TryParse(request, out StunMessage check)
                || StunBindingResponder.Respond(check, ufrag, password, sender, response, out _) != StunBindingOutcome.UnknownAttribute)
            {
                throw new InvalidOperationException("the check must be rejected");
            }
        });
    }

    /// <summary>A check as Chrome sends it to an ICE-lite answerer: USERNAME, GOOG-NETWORK-INFO, ICE-CONTROLLING, USE-CANDIDATE, PRIORITY, MESSAGE-INTEGRITY, FINGERPRINT.</summary>
    internal static byte[] BuildCheck(
        string? username = "Ab3d:peerUfrag",
        string password = "our-ice-password-24chars",
        bool withIntegrity = true,
        bool controlling = true,
        ushort extraAttribute = 0)
    {
        byte[] buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, _transactionId);
        if (username is not null)
        {
            writer.AddUsername(Encoding.UTF8.GetBytes(username));
        }

        writer.AddAttribute((StunAttributeType)0xC057, [0x00, 0x01, 0x00, 0x0A]);
        if (controlling)
        {
            writer.AddIceControlling(0x1234_5678_9ABC_DEF0);
            writer.AddUseCandidate();
        }
        else
        {
            writer.AddIceControlled(0x1234_5678_9ABC_DEF0);
        }

        writer.AddPriority(1853824767);
        if (extraAttribute != 0)
        {
            writer.AddAttribute((StunAttributeType)extraAttribute, "x"u8);
        }

        if (withIntegrity)
        {
            writer.AddMessageIntegrity(Encoding.UTF8.GetBytes(password));
        }

        int length = writer.AddFingerprint();
        return buffer.AsSpan(0, length).ToArray();
    }

    private static byte[] AssertErrorResponse(byte[] request, StunBindingOutcome expectedOutcome, int expectedCode, bool signed)
    {
        Assert.True(StunMessage.TryParse(request, out StunMessage check));
        byte[] response = new byte[StunBindingResponder.MinimumDestinationLength];
        SocketAddress sender = new IPEndPoint(IPAddress.Loopback, 5000).Serialize();

        StunBindingOutcome outcome = StunBindingResponder.Respond(check, _localUfrag, _localPassword, sender, response, out int written);

        Assert.Equal(expectedOutcome, outcome);
        Assert.True(StunMessage.TryParse(response.AsSpan(0, written), out StunMessage answer));
        Assert.Equal(StunMessageClass.ErrorResponse, answer.Class);
        Assert.Equal(_transactionId, answer.TransactionId.ToArray());
        Assert.True(answer.TryGetErrorCode(out int code, out ReadOnlySpan<byte> reason));
        Assert.Equal(expectedCode, code);
        Assert.False(reason.IsEmpty);
        Assert.False(answer.TryGetXorMappedAddress(out _, out _));
        Assert.Equal(signed, answer.HasMessageIntegrity);
        Assert.Equal(signed, answer.VerifyMessageIntegrity(_localPassword));
        Assert.True(answer.VerifyFingerprint());
        return response.AsSpan(0, written).ToArray();
    }

    private static void AssertIgnored(byte[] message)
    {
        Assert.True(StunMessage.TryParse(message, out StunMessage parsed));
        byte[] response = new byte[StunBindingResponder.MinimumDestinationLength];
        SocketAddress sender = new IPEndPoint(IPAddress.Loopback, 5000).Serialize();
        Assert.Equal(StunBindingOutcome.Ignored, StunBindingResponder.Respond(parsed, _localUfrag, _localPassword, sender, response, out int written));
        Assert.Equal(0, written);
    }
}
