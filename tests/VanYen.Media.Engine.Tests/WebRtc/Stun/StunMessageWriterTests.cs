using System.Net;
using System.Text;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.WebRtc.Stun;

/// <remarks>
/// RFC 5769's vectors pad SOFTWARE and USERNAME with spaces (0x20). MESSAGE-INTEGRITY and FINGERPRINT cover
/// the padding, so a writer padding with zeros (RFC 8489 §14) cannot reproduce them. The byte-exact tests
/// use the internal overload that chooses the padding byte; the zero-padding tests show that the public
/// path differs from the vector only in the padding byte and in the two hashes computed over it.
/// </remarks>
public class StunMessageWriterTests
{
    private const byte SpacePadding = 0x20;
    private static readonly byte[] _password = Encoding.UTF8.GetBytes(Rfc5769Vectors.Password);

    [Fact]
    public void TheWriterReproducesTheRfc5769IPv4ResponseByteForByte()
    {
        byte[] buffer = new byte[256];
        int length = WriteSampleResponse(buffer, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), SpacePadding);
        Assert.Equal(Rfc5769Vectors.IPv4Response, buffer.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void TheWriterReproducesTheRfc5769IPv6ResponseByteForByte()
    {
        byte[] buffer = new byte[256];
        var mapped = new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853);
        int length = WriteSampleResponse(buffer, mapped, SpacePadding);
        Assert.Equal(Rfc5769Vectors.IPv6Response, buffer.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void TheWriterReproducesTheRfc5769RequestByteForByte()
    {
        byte[] buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, Rfc5769Vectors.TransactionId);
        writer.AddSoftware("STUN test client"u8);
        writer.AddPriority(0x6E0001FF);
        writer.AddIceControlled(0x932FF9B151263B36);
        writer.AddAttribute(StunAttributeType.Username, "evtj:h6vY"u8, SpacePadding);
        writer.AddMessageIntegrity(_password);
        int length = writer.AddFingerprint();
        Assert.Equal(Rfc5769Vectors.Request, buffer.AsSpan(0, length).ToArray());
    }

    [Fact]
    public void WithZeroPaddingTheResponseDiffersFromTheVectorOnlyInPaddingAndHashes()
    {
        byte[] buffer = new byte[256];
        int length = WriteSampleResponse(buffer, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), padding: 0);
        byte[] written = buffer.AsSpan(0, length).ToArray();
        byte[] vector = Rfc5769Vectors.IPv4Response;

        Assert.Equal(vector.Length, written.Length);
        const int softwarePadding = 35;
        const int messageIntegrityValue = 52;
        Assert.Equal(vector.AsSpan(0, softwarePadding).ToArray(), written.AsSpan(0, softwarePadding).ToArray());
        Assert.Equal(0x20, vector[softwarePadding]);
        Assert.Equal(0x00, written[softwarePadding]);
        Assert.Equal(
            vector.AsSpan(softwarePadding + 1, messageIntegrityValue - softwarePadding - 1).ToArray(),
            written.AsSpan(softwarePadding + 1, messageIntegrityValue - softwarePadding - 1).ToArray());
        Assert.NotEqual(vector.AsSpan(messageIntegrityValue, 20).ToArray(), written.AsSpan(messageIntegrityValue, 20).ToArray());
        Assert.True(StunMessage.VerifyMessageIntegrity(written, _password));
        Assert.True(StunMessage.VerifyFingerprint(written));
    }

    [Theory]
    [InlineData(StunMessageClass.Request, 0x0001)]
    [InlineData(StunMessageClass.Indication, 0x0011)]
    [InlineData(StunMessageClass.SuccessResponse, 0x0101)]
    [InlineData(StunMessageClass.ErrorResponse, 0x0111)]
    public void TheMessageTypeInterleavesClassBitsWithTheMethod(StunMessageClass messageClass, ushort expected)
    {
        Assert.Equal(expected, StunMessageType.Encode(StunMethod.Binding, messageClass));
        Assert.Equal(messageClass, StunMessageType.GetClass(expected));
        Assert.Equal(StunMethod.Binding, StunMessageType.GetMethod(expected));
    }

    [Fact]
    public void EveryTwelveBitMethodAndClassRoundTripsThroughTheMessageType()
    {
        for (int method = 0; method < 0x1000; method++)
        {
            for (int messageClass = 0; messageClass < 4; messageClass++)
            {
                ushort type = StunMessageType.Encode((StunMethod)method, (StunMessageClass)messageClass);
                Assert.Equal(0, type & 0xC000);
                Assert.Equal(method, (int)StunMessageType.GetMethod(type));
                Assert.Equal(messageClass, (int)StunMessageType.GetClass(type));
            }
        }
    }

    [Fact]
    public void ABindingRequestRoundTripsEveryIceAttribute()
    {
        byte[] buffer = new byte[256];
        byte[] transactionId = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId);
        writer.AddUsername("remote:local"u8);
        writer.AddPriority(1853824767);
        writer.AddIceControlling(0x0102030405060708);
        writer.AddUseCandidate();
        writer.AddMessageIntegrity("remote-password"u8);
        int length = writer.AddFingerprint();

        Assert.Equal(length, writer.Length);
        Assert.True(StunMessage.TryParse(buffer.AsSpan(0, length), out StunMessage message));
        Assert.Equal(StunMessageClass.Request, message.Class);
        Assert.Equal(transactionId, message.TransactionId.ToArray());
        Assert.True(message.TryGetIceUsername(out ReadOnlySpan<byte> recipient, out ReadOnlySpan<byte> sender));
        Assert.Equal("remote", Encoding.UTF8.GetString(recipient));
        Assert.Equal("local", Encoding.UTF8.GetString(sender));
        Assert.True(message.TryGetPriority(out uint priority));
        Assert.Equal(1853824767u, priority);
        Assert.True(message.TryGetIceControlling(out ulong tieBreaker));
        Assert.Equal(0x0102030405060708ul, tieBreaker);
        Assert.True(message.HasUseCandidate);
        Assert.False(message.HasIceControlled);
        Assert.True(message.VerifyMessageIntegrity("remote-password"u8));
        Assert.True(message.VerifyFingerprint());
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(401, "Unauthorized")]
    [InlineData(487, "Role Conflict")]
    [InlineData(699, "")]
    [InlineData(300, "Try Alternate")]
    public void ErrorCodeRoundTrips(int code, string reason)
    {
        byte[] buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.ErrorResponse, Rfc5769Vectors.TransactionId);
        writer.AddErrorCode(code, Encoding.UTF8.GetBytes(reason));
        int length = writer.AddFingerprint();
        Assert.True(StunMessage.TryParse(buffer.AsSpan(0, length), out StunMessage message));
        Assert.True(message.TryGetErrorCode(out int decodedCode, out ReadOnlySpan<byte> decodedReason));
        Assert.Equal(code, decodedCode);
        Assert.Equal(reason, Encoding.UTF8.GetString(decodedReason));
    }

    [Fact]
    public void UnknownAttributesRoundTripWithZeroPadding()
    {
        byte[] buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.ErrorResponse, Rfc5769Vectors.TransactionId);
        writer.AddErrorCode(420, "Unknown Attribute"u8);
        writer.AddUnknownAttributes([0x7001, 0x0003, 0x0004]);
        Assert.True(StunMessage.TryParse(writer.Written, out StunMessage message));
        var listed = new ushort[3];
        Assert.Equal(3, message.GetUnknownAttributesList(listed));
        Assert.Equal(new ushort[] { 0x7001, 0x0003, 0x0004 }, listed);
        Assert.Equal(new byte[] { 0, 0 }, writer.Written[^2..].ToArray());
    }

    [Fact]
    public void AnIPv4MappedIPv6EndPointIsWrittenAsIPv4()
    {
        byte[] buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.SuccessResponse, Rfc5769Vectors.TransactionId);
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("::ffff:203.0.113.9"), 4242));
        Assert.True(StunMessage.TryParse(writer.Written, out StunMessage message));
        Assert.True(message.TryGetXorMappedAddress(out IPAddress? address, out int port));
        Assert.Equal(IPAddress.Parse("203.0.113.9"), address);
        Assert.Equal(4242, port);
    }

    [Fact]
    public void AnIPv4MappedIPv6SocketAddressIsWrittenAsIPv4()
    {
        byte[] buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.SuccessResponse, Rfc5769Vectors.TransactionId);
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("::ffff:198.51.100.7"), 65535).Serialize());
        Assert.True(StunMessage.TryParse(writer.Written, out StunMessage message));
        Assert.True(message.TryGetXorMappedAddress(out IPAddress? address, out int port));
        Assert.Equal(IPAddress.Parse("198.51.100.7"), address);
        Assert.Equal(65535, port);
    }

    [Fact]
    public void ASocketAddressAndTheSameEndPointWriteTheSameBytes()
    {
        var endPoint = new IPEndPoint(IPAddress.Parse("fe80::1:2:3:4"), 9);
        byte[] fromEndPoint = new byte[64];
        byte[] fromSocketAddress = new byte[64];
        var first = new StunMessageWriter(fromEndPoint, StunMethod.Binding, StunMessageClass.SuccessResponse, Rfc5769Vectors.TransactionId);
        first.AddXorMappedAddress(endPoint);
        var second = new StunMessageWriter(fromSocketAddress, StunMethod.Binding, StunMessageClass.SuccessResponse, Rfc5769Vectors.TransactionId);
        second.AddXorMappedAddress(endPoint.Serialize());
        Assert.Equal(first.Written.ToArray(), second.Written.ToArray());
    }

    [Fact]
    public void AnAttributeThatDoesNotFitThrows()
    {
        byte[] buffer = new byte[40];
        Assert.Throws<ArgumentException>(() =>
        {
            var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, Rfc5769Vectors.TransactionId);
            writer.AddMessageIntegrity(_password);
        });
        Assert.Throws<ArgumentException>(() =>
            new StunMessageWriter(buffer.AsSpan(0, 19), StunMethod.Binding, StunMessageClass.Request, Rfc5769Vectors.TransactionId));
        Assert.Throws<ArgumentException>(() =>
            new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, new byte[11]));
    }

    [Fact]
    public void AnErrorCodeOutsideTheRangeThrows()
    {
        byte[] buffer = new byte[64];
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.ErrorResponse, Rfc5769Vectors.TransactionId);
            writer.AddErrorCode(200, []);
        });
    }

    [Fact]
    public void WritingAnAuthenticatedRequestAllocatesNothing()
    {
        byte[] buffer = new byte[256];
        byte[] transactionId = Rfc5769Vectors.TransactionId;
        byte[] password = _password;
        AllocationBudget.AssertZero(() =>
        {
            var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId);
            writer.AddUsername("remote:local"u8);
            writer.AddPriority(1);
            writer.AddIceControlling(2);
            writer.AddUseCandidate();
            writer.AddMessageIntegrity(password);
            writer.AddFingerprint();
        });
    }

    private static int WriteSampleResponse(Span<byte> buffer, IPEndPoint mapped, byte padding)
    {
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.SuccessResponse, Rfc5769Vectors.TransactionId);
        writer.AddAttribute(StunAttributeType.Software, "test vector"u8, padding);
        writer.AddXorMappedAddress(mapped);
        writer.AddMessageIntegrity(_password);
        return writer.AddFingerprint();
    }
}
