using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Tests.WebRtc.Stun;

/// <summary>Seeded random and mutated input: the parser and verifiers never throw and stay consistent.</summary>
public partial class StunMessageTests
{
    private static readonly byte[] _responderUfrag = "Ab3d"u8.ToArray();
    private static readonly byte[] _responderPassword = "our-ice-password-24chars"u8.ToArray();

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 5, 8 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomAndMutatedBytesNeverThrowAndParseConsistently(int seed)
    {
        var random = new Random(seed);
        byte[][] corpus =
        [
            Rfc5769Vectors.Request, Rfc5769Vectors.IPv4Response, Rfc5769Vectors.IPv6Response, Rfc5769Vectors.LongTermRequest,
            StunBindingResponderTests.BuildCheck(), StunBindingResponderTests.BuildCheck(extraAttribute: 0x7777),
            StunBindingResponderTests.BuildCheck(controlling: false),
        ];
        byte[] response = new byte[StunBindingResponder.MinimumDestinationLength];
        var sender = new IPEndPoint(IPAddress.Parse("2001:db8::7"), 1234).Serialize();
        var decoded = new SocketAddress(AddressFamily.InterNetworkV6);

        for (int i = 0; i < 4000; i++)
        {
            byte[] seedMessage = corpus[random.Next(corpus.Length)];
            byte[] input = (i % 6) switch
            {
                0 => RandomBytes(random, random.Next(0, 128)),
                1 => seedMessage.AsSpan(0, random.Next(seedMessage.Length)).ToArray(),
                2 => FlipBits(random, seedMessage, fixLength: false),
                3 => FlipBits(random, seedMessage, fixLength: true),
                4 => Extend(random, seedMessage),
                _ => RandomAttributes(random),
            };

            Probe(input, response, sender, decoded);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NoSingleBitFlipOfTheRfcRequestPassesBothChecks(int seed)
    {
        var random = new Random(seed);
        byte[] original = Rfc5769Vectors.Request;
        const int messageIntegrityValueEnd = 100;
        for (int i = 0; i < 2000; i++)
        {
            byte[] flipped = (byte[])original.Clone();
            int bit = random.Next(original.Length * 8);
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));

            // CRC-32 catches every single-bit error; the HMAC covers everything up to and including its own value.
            Assert.False(StunMessage.VerifyFingerprint(flipped));
            if (bit / 8 < messageIntegrityValueEnd)
            {
                Assert.False(StunMessage.VerifyMessageIntegrity(flipped, _password));
            }
        }
    }

    private static void Probe(byte[] input, byte[] response, SocketAddress sender, SocketAddress decoded)
    {
        StunMessage.VerifyMessageIntegrity(input, _password);
        StunMessage.VerifyFingerprint(input);
        if (!StunMessage.TryParse(input, out StunMessage message))
        {
            return;
        }

        Assert.Equal(input.Length, message.Length);
        Assert.Equal(0, input[0] & 0xC0);
        int end = StunMessage.HeaderLength;
        foreach (StunAttribute attribute in message.Attributes)
        {
            Assert.Equal(end, attribute.Offset);
            Assert.True(attribute.Offset + 4 + attribute.Value.Length <= message.Length);
            end = attribute.Offset + 4 + ((attribute.Value.Length + 3) & ~3);
        }

        Assert.Equal(message.Length, end);
        message.TryGetIceUsername(out _, out _);
        message.TryGetPriority(out _);
        message.TryGetIceControlling(out _);
        message.TryGetIceControlled(out _);
        _ = message.HasUseCandidate;
        if (message.TryGetXorMappedAddress(out IPAddress? address, out int port))
        {
            Assert.True(message.TryGetXorMappedAddress(decoded));
            AssertSameSocketAddress(new IPEndPoint(address!, port).Serialize(), decoded);
        }

        if (message.TryGetErrorCode(out int code, out _))
        {
            Assert.InRange(code, 300, 699);
        }

        message.GetUnknownAttributesList(new ushort[4]);
        Assert.True(message.GetUnknownComprehensionRequiredAttributes(new ushort[2]) >= 0);
        message.VerifyMessageIntegrity(_password);
        message.VerifyFingerprint();

        StunBindingOutcome outcome = StunBindingResponder.Respond(message, _responderUfrag, _responderPassword, sender, response, out int written);
        if (outcome == StunBindingOutcome.Ignored)
        {
            Assert.Equal(0, written);
        }
        else
        {
            Assert.True(StunMessage.TryParse(response.AsSpan(0, written), out StunMessage answer));
            Assert.True(answer.VerifyFingerprint());
            Assert.Equal(message.TransactionId.ToArray(), answer.TransactionId.ToArray());
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] FlipBits(Random random, byte[] seedMessage, bool fixLength)
    {
        byte[] flipped = (byte[])seedMessage.Clone();
        int flips = random.Next(1, 6);
        for (int k = 0; k < flips; k++)
        {
            int bit = random.Next(flipped.Length * 8);
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
        }

        if (fixLength)
        {
            // Keep the header plausible so that the attribute walk, not the length check, meets the damage.
            flipped[0] &= 0x3F;
            BinaryPrimitives.WriteUInt16BigEndian(flipped.AsSpan(2), (ushort)(flipped.Length - StunMessage.HeaderLength));
            BinaryPrimitives.WriteUInt32BigEndian(flipped.AsSpan(4), StunMessage.MagicCookie);
        }

        return flipped;
    }

    private static byte[] Extend(Random random, byte[] seedMessage)
    {
        byte[] extended = new byte[seedMessage.Length + (4 * random.Next(1, 8))];
        seedMessage.CopyTo(extended, 0);
        random.NextBytes(extended.AsSpan(seedMessage.Length));
        if (random.Next(2) == 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(extended.AsSpan(2), (ushort)(extended.Length - StunMessage.HeaderLength));
        }

        return extended;
    }

    private static byte[] RandomAttributes(Random random)
    {
        byte[] message = new byte[StunMessage.HeaderLength + (4 * random.Next(0, 40))];
        random.NextBytes(message);
        BinaryPrimitives.WriteUInt16BigEndian(message, 0x0001);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)(message.Length - StunMessage.HeaderLength));
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), StunMessage.MagicCookie);
        // Small lengths and well-known types make attribute lists that actually parse.
        int offset = StunMessage.HeaderLength;
        while (message.Length - offset >= 4)
        {
            ushort[] types = [0x0006, 0x0008, 0x0009, 0x000A, 0x0020, 0x0024, 0x0025, 0x8028, 0x8029, 0x802A, 0x7001, 0xC057];
            int valueLength = random.Next(0, Math.Min(24, message.Length - offset - 4) + 1);
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(offset), types[random.Next(types.Length)]);
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(offset + 2), (ushort)valueLength);
            offset += 4 + ((valueLength + 3) & ~3);
        }

        return message;
    }
}
