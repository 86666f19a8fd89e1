using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.WebRtc.Stun;

public partial class StunMessageTests
{
    private static readonly byte[] _password = Encoding.UTF8.GetBytes(Rfc5769Vectors.Password);

    [Fact]
    public void TheRfc5769RequestParsesWithEveryField()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Request, out StunMessage message));
        Assert.Equal(StunMethod.Binding, message.Method);
        Assert.Equal(StunMessageClass.Request, message.Class);
        Assert.Equal(0x0001, message.MessageType);
        Assert.Equal(Rfc5769Vectors.Request.Length, message.Length);
        Assert.Equal(Rfc5769Vectors.TransactionId, message.TransactionId.ToArray());

        Assert.True(message.TryGetUsername(out ReadOnlySpan<byte> username));
        Assert.Equal("evtj:h6vY", Encoding.UTF8.GetString(username));
        Assert.True(message.TryGetIceUsername(out ReadOnlySpan<byte> recipient, out ReadOnlySpan<byte> sender));
        Assert.Equal("evtj", Encoding.UTF8.GetString(recipient));
        Assert.Equal("h6vY", Encoding.UTF8.GetString(sender));

        Assert.True(message.TryGetAttribute(StunAttributeType.Software, out ReadOnlySpan<byte> software));
        Assert.Equal("STUN test client", Encoding.UTF8.GetString(software));
        Assert.True(message.TryGetPriority(out uint priority));
        Assert.Equal(0x6E0001FFu, priority);
        Assert.True(message.HasIceControlled);
        Assert.False(message.HasIceControlling);
        Assert.True(message.TryGetIceControlled(out ulong tieBreaker));
        Assert.Equal(0x932FF9B151263B36ul, tieBreaker);
        Assert.False(message.TryGetIceControlling(out _));
        Assert.False(message.HasUseCandidate);
        Assert.True(message.HasMessageIntegrity);
        Assert.True(message.HasFingerprint);
        Assert.True(message.TryGetFingerprint(out uint fingerprint));
        Assert.Equal(0xE57A3BCFu, fingerprint);
        Assert.Equal(0, message.GetUnknownComprehensionRequiredAttributes(new ushort[4]));
    }

    [Fact]
    public void TheRfc5769RequestVerifiesWithThePassword()
    {
        Assert.True(StunMessage.VerifyMessageIntegrity(Rfc5769Vectors.Request, _password));
        Assert.True(StunMessage.VerifyFingerprint(Rfc5769Vectors.Request));
    }

    [Fact]
    public void TheRfc5769IPv4ResponseDecodesAndVerifies()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv4Response, out StunMessage message));
        Assert.Equal(StunMessageClass.SuccessResponse, message.Class);
        Assert.Equal(StunMethod.Binding, message.Method);
        Assert.True(message.TryGetAttribute(StunAttributeType.Software, out ReadOnlySpan<byte> software));
        Assert.Equal("test vector", Encoding.UTF8.GetString(software));
        Assert.True(message.TryGetXorMappedAddress(out IPAddress? address, out int port));
        Assert.Equal(IPAddress.Parse("192.0.2.1"), address);
        Assert.Equal(32853, port);
        Assert.True(message.VerifyMessageIntegrity(_password));
        Assert.True(message.VerifyFingerprint());
    }

    [Fact]
    public void TheRfc5769IPv6ResponseDecodesAndVerifies()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv6Response, out StunMessage message));
        Assert.True(message.TryGetXorMappedAddress(out IPAddress? address, out int port));
        Assert.Equal(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), address);
        Assert.Equal(32853, port);
        Assert.True(message.VerifyMessageIntegrity(_password));
        Assert.True(message.VerifyFingerprint());
    }

    [Fact]
    public void XorMappedAddressDecodesIntoASocketAddressForBothFamilies()
    {
        var socketAddress = new SocketAddress(AddressFamily.InterNetworkV6);

        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv4Response, out StunMessage ipv4));
        Assert.True(ipv4.TryGetXorMappedAddress(socketAddress));
        AssertSameSocketAddress(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853).Serialize(), socketAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), new IPEndPoint(IPAddress.Any, 0).Create(socketAddress));

        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv6Response, out StunMessage ipv6));
        Assert.True(ipv6.TryGetXorMappedAddress(socketAddress));
        var expected = new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853);
        AssertSameSocketAddress(expected.Serialize(), socketAddress);
        Assert.Equal(expected, new IPEndPoint(IPAddress.IPv6Any, 0).Create(socketAddress));
    }

    [Fact]
    public void AnIPv6MappedAddressDoesNotFitAnIPv4SocketAddress()
    {
        var small = new SocketAddress(AddressFamily.InterNetwork);
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.IPv6Response, out StunMessage message));
        Assert.False(message.TryGetXorMappedAddress(small));
    }

    [Fact]
    public void TheRfc5769LongTermRequestVerifiesWithTheMd5Key()
    {
        // RFC 8489 §9.2.2: key = MD5(username ":" realm ":" SASLprep(password)); SASLprep("TheMªtrⅨ") is "TheMatrIX".
        byte[] key = MD5.HashData(Encoding.UTF8.GetBytes("マトリックス:example.org:TheMatrIX"));
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.LongTermRequest, out StunMessage message));
        Assert.True(message.TryGetUsername(out ReadOnlySpan<byte> username));
        Assert.Equal("マトリックス", Encoding.UTF8.GetString(username));
        Assert.True(message.TryGetAttribute(StunAttributeType.Realm, out ReadOnlySpan<byte> realm));
        Assert.Equal("example.org", Encoding.UTF8.GetString(realm));
        Assert.True(message.TryGetAttribute(StunAttributeType.Nonce, out ReadOnlySpan<byte> nonce));
        Assert.Equal("f//499k954d6OL34oL9FSTvy64sA", Encoding.UTF8.GetString(nonce));
        Assert.False(message.HasFingerprint);
        Assert.False(message.VerifyFingerprint());
        Assert.True(message.VerifyMessageIntegrity(key));
        Assert.False(message.VerifyMessageIntegrity(MD5.HashData(Encoding.UTF8.GetBytes("マトリックス:example.org:thematrix"))));
    }

    [Fact]
    public void TheAttributeEnumeratorWalksEveryAttributeInOrder()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Request, out StunMessage message));
        var types = new List<ushort>();
        var lengths = new List<int>();
        foreach (StunAttribute attribute in message.Attributes)
        {
            types.Add(attribute.Type);
            lengths.Add(attribute.Value.Length);
        }

        Assert.Equal(new ushort[] { 0x8022, 0x0024, 0x8029, 0x0006, 0x0008, 0x8028 }, types);
        Assert.Equal(new[] { 16, 4, 8, 9, 20, 4 }, lengths);
    }

    [Fact]
    public void ATamperedMessageFailsIntegrityAndFingerprint()
    {
        byte[] tampered = (byte[])Rfc5769Vectors.Request.Clone();
        tampered[65] ^= 0x01; // a byte of USERNAME's value
        Assert.False(StunMessage.VerifyMessageIntegrity(tampered, _password));
        Assert.False(StunMessage.VerifyFingerprint(tampered));
    }

    [Fact]
    public void TamperedPaddingFailsIntegrityBecauseTheHmacCoversIt()
    {
        byte[] tampered = (byte[])Rfc5769Vectors.Request.Clone();
        tampered[75] = 0x00; // the last padding byte after USERNAME
        Assert.True(StunMessage.TryParse(tampered, out _));
        Assert.False(StunMessage.VerifyMessageIntegrity(tampered, _password));
    }

    [Fact]
    public void AWrongKeyFailsIntegrity()
    {
        Assert.False(StunMessage.VerifyMessageIntegrity(Rfc5769Vectors.Request, "VOkJxbRl1RmTxUk/WvJxBu"u8));
        Assert.False(StunMessage.VerifyMessageIntegrity(Rfc5769Vectors.Request, []));
    }

    [Fact]
    public void ABadFingerprintFailsWhileIntegrityStillHolds()
    {
        byte[] tampered = (byte[])Rfc5769Vectors.Request.Clone();
        tampered[^1] ^= 0x80;
        Assert.False(StunMessage.VerifyFingerprint(tampered));
        Assert.True(StunMessage.VerifyMessageIntegrity(tampered, _password));
    }

    [Fact]
    public void VerifiersReturnFalseWhenTheAttributeIsMissing()
    {
        byte[] bare = new byte[20];
        var writer = new StunMessageWriter(bare, StunMethod.Binding, StunMessageClass.Request, Rfc5769Vectors.TransactionId);
        Assert.Equal(20, writer.Length);
        Assert.True(StunMessage.TryParse(bare, out StunMessage message));
        Assert.False(message.VerifyMessageIntegrity(_password));
        Assert.False(message.VerifyFingerprint());
        Assert.False(message.TryGetMessageIntegrity(out _));
    }

    [Fact]
    public void AttributesAfterMessageIntegrityAreIgnoredButIntegrityStillVerifies()
    {
        byte[] buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, Rfc5769Vectors.TransactionId);
        writer.AddPriority(7);
        writer.AddMessageIntegrity(_password);
        writer.AddUsername("late:added"u8);
        int length = writer.AddFingerprint();

        Assert.True(StunMessage.TryParse(buffer.AsSpan(0, length), out StunMessage message));
        Assert.False(message.TryGetUsername(out _));
        Assert.True(message.TryGetPriority(out uint priority));
        Assert.Equal(7u, priority);
        Assert.True(message.VerifyMessageIntegrity(_password));
        Assert.True(message.VerifyFingerprint());
    }

    [Fact]
    public void IntegrityVerifiesWhenTheCoveredPartIsLongerThanTheStackScratch()
    {
        byte[] buffer = new byte[1024];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, Rfc5769Vectors.TransactionId);
        writer.AddSoftware(new byte[600]);
        writer.AddMessageIntegrity(_password);
        int length = writer.AddFingerprint();
        Assert.True(StunMessage.VerifyMessageIntegrity(buffer.AsSpan(0, length), _password));
        Assert.False(StunMessage.VerifyMessageIntegrity(buffer.AsSpan(0, length), "other"u8));
    }

    [Fact]
    public void UnknownComprehensionRequiredAttributesAreReported()
    {
        byte[] buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, Rfc5769Vectors.TransactionId);
        writer.AddAttribute((StunAttributeType)0x7001, "a"u8);
        writer.AddUsername("a:b"u8);
        writer.AddAttribute((StunAttributeType)0xC057, "optional"u8); // GOOG-NETWORK-INFO: comprehension-optional
        writer.AddAttribute((StunAttributeType)0x0003, []); // CHANGE-REQUEST: not understood by us
        writer.AddMessageIntegrity(_password);
        writer.AddAttribute((StunAttributeType)0x0004, []); // after MESSAGE-INTEGRITY: ignored
        int length = writer.AddFingerprint();

        Assert.True(StunMessage.TryParse(buffer.AsSpan(0, length), out StunMessage message));
        var unknown = new ushort[1];
        Assert.Equal(2, message.GetUnknownComprehensionRequiredAttributes(unknown));
        Assert.Equal(0x7001, unknown[0]);
        unknown = new ushort[4];
        Assert.Equal(2, message.GetUnknownComprehensionRequiredAttributes(unknown));
        Assert.Equal(new ushort[] { 0x7001, 0x0003, 0, 0 }, unknown);
    }

    [Theory]
    [InlineData("a:b", "a", "b")]
    [InlineData("ourUfrag:theirUfrag", "ourUfrag", "theirUfrag")]
    [InlineData("x:y:z", "x", "y:z")]
    public void TrySplitIceUsernameSplitsAtTheFirstColon(string username, string recipient, string sender)
    {
        Assert.True(StunMessage.TrySplitIceUsername(Encoding.UTF8.GetBytes(username), out ReadOnlySpan<byte> first, out ReadOnlySpan<byte> second));
        Assert.Equal(recipient, Encoding.UTF8.GetString(first));
        Assert.Equal(sender, Encoding.UTF8.GetString(second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nocolon")]
    [InlineData(":b")]
    [InlineData("a:")]
    public void TrySplitIceUsernameRejectsAnEmptyHalf(string username)
    {
        Assert.False(StunMessage.TrySplitIceUsername(Encoding.UTF8.GetBytes(username), out _, out _));
    }

    [Fact]
    public void TryParseReturnsFalseWhenShorterThanTheHeader()
    {
        Assert.False(StunMessage.TryParse(Rfc5769Vectors.Request.AsSpan(0, 19), out _));
        Assert.False(StunMessage.TryParse([], out _));
    }

    [Fact]
    public void TryParseReturnsFalseWhenTheLeadingBitsAreSet()
    {
        byte[] data = (byte[])Rfc5769Vectors.Request.Clone();
        data[0] |= 0x80; // an RTP / DTLS-looking first byte (RFC 7983)
        Assert.False(StunMessage.TryParse(data, out _));
    }

    [Fact]
    public void TryParseReturnsFalseWhenTheMagicCookieIsWrong()
    {
        byte[] data = (byte[])Rfc5769Vectors.Request.Clone();
        data[4] ^= 0x01;
        Assert.False(StunMessage.TryParse(data, out _));
    }

    [Fact]
    public void TryParseReturnsFalseWhenTheLengthIsNotAMultipleOfFour()
    {
        byte[] data = (byte[])Rfc5769Vectors.Request.Clone();
        data[3] = 0x57;
        Assert.False(StunMessage.TryParse(data.AsSpan(0, 20 + 0x57), out _));
    }

    [Fact]
    public void TryParseReturnsFalseWhenTheLengthDoesNotMatchTheDatagram()
    {
        Assert.False(StunMessage.TryParse(Rfc5769Vectors.Request.AsSpan(0, Rfc5769Vectors.Request.Length - 4), out _));
        byte[] longer = [.. Rfc5769Vectors.Request, 0, 0, 0, 0];
        Assert.False(StunMessage.TryParse(longer, out _));
    }

    [Fact]
    public void TryParseReturnsFalseWhenAnAttributeOverrunsTheMessage()
    {
        byte[] data = (byte[])Rfc5769Vectors.Request.Clone();
        data[22] = 0x01; // SOFTWARE length 0x0110
        Assert.False(StunMessage.TryParse(data, out _));
    }

    [Fact]
    public void TryParseReturnsFalseWhenAnAttributeFollowsFingerprint()
    {
        byte[] data = [.. Rfc5769Vectors.Request, 0x00, 0x25, 0x00, 0x00];
        data[3] += 4;
        Assert.False(StunMessage.TryParse(data, out _));
    }

    [Fact]
    public void TryParseReturnsFalseWhenMessageIntegrityHasTheWrongLength()
    {
        byte[] data = (byte[])Rfc5769Vectors.Request.Clone();
        data[79] = 0x10; // MESSAGE-INTEGRITY length 16, padding stays within the message
        Assert.False(StunMessage.TryParse(data, out _));
    }

    [Fact]
    public void ErrorCodeRejectsAClassOutsideThreeToSix()
    {
        byte[] buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.ErrorResponse, Rfc5769Vectors.TransactionId);
        writer.AddAttribute(StunAttributeType.ErrorCode, [0, 0, 2, 0]);
        Assert.True(StunMessage.TryParse(writer.Written, out StunMessage message));
        Assert.False(message.TryGetErrorCode(out _, out _));
    }

    [Fact]
    public void ParseAndVerifyAllocateNothing()
    {
        byte[] request = Rfc5769Vectors.Request;
        byte[] password = _password;
        AllocationBudget.AssertZero(() =>
        {
            if (!StunMessage.TryParse(request, out StunMessage message)
                || !message.VerifyMessageIntegrity(password)
                || !message.VerifyFingerprint()
                || !message.TryGetIceUsername(out _, out _)
                || !message.TryGetPriority(out _))
            {
                throw new InvalidOperationException("the vector must verify");
            }
        });
    }

    [Fact]
    public void DecodingXorMappedAddressIntoASocketAddressAllocatesNothing()
    {
        byte[] response = Rfc5769Vectors.IPv6Response;
        var socketAddress = new SocketAddress(AddressFamily.InterNetworkV6);
        AllocationBudget.AssertZero(() =>
        {
            if (!StunMessage.TryParse(response, out StunMessage message) || !message.TryGetXorMappedAddress(socketAddress))
            {
                throw new InvalidOperationException("the vector must decode");
            }
        });
    }

    /// <summary>SocketAddress.Equals also compares unused capacity, so compare the address bytes only.</summary>
    internal static void AssertSameSocketAddress(SocketAddress expected, SocketAddress actual)
    {
        Assert.Equal(expected.Family, actual.Family);
        Assert.Equal(expected.Buffer.Span.Slice(0, expected.Size).ToArray(), actual.Buffer.Span.Slice(0, actual.Size).ToArray());
    }
}
