using System.Net;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.Engine.Tests.WebRtc.Ice;

public partial class IceLiteAgentTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(2024)]
    public void MutatedAndRandomDatagramsNeverThrowNeverGetAnAnswerAndChangeNothing(int seed)
    {
        var random = new Random(seed);
        IceLiteAgent agent = CreateAgent();
        IceSession session = agent.Register(LocalUfrag, LocalPassword);
        SocketAddress sender = IceCheckBuilder.Address("192.0.2.66", 6666);
        byte[] valid = IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", LocalPassword);
        byte[] wrongPassword = IceCheckBuilder.Build($"{LocalUfrag}:{RemoteUfrag}", "NotOurPassword0123456789");

        for (int i = 0; i < 3000; i++)
        {
            byte[] datagram = (i % 6) switch
            {
                0 => FlipBits(valid, random),
                1 => valid.AsSpan(0, random.Next(valid.Length)).ToArray(),
                2 => [.. valid, .. RandomBytes(random, 1 + random.Next(16))],
                3 => FlipBits(wrongPassword, random),
                4 => StunShaped(random),
                _ => RandomBytes(random, random.Next(200)),
            };

            IceCheckOutcome outcome = agent.HandleStun(datagram, sender, _response, out int length, out IceSession? found);

            Assert.NotEqual(IceCheckOutcome.Success, outcome);
            Assert.Equal(0, length);
            Assert.Null(found);
        }

        Assert.Equal(IceSessionState.New, session.State);
        Assert.False(agent.TryGetSession(sender, out _));
        Assert.Equal(0, agent.ChecksAnswered);
        Assert.Equal(
            agent.ChecksReceived,
            agent.Ignored + agent.DroppedMalformed + agent.DroppedUnauthenticated + agent.DroppedUnknownUfrag
            + agent.DroppedRemoteUfragMismatch + agent.DroppedAddressInUse);
    }

    private static byte[] FlipBits(byte[] source, Random random)
    {
        // The first flip is never undone: later ones go to other bytes.
        byte[] copy = (byte[])source.Clone();
        int first = random.Next(copy.Length);
        copy[first] ^= (byte)(1 << random.Next(8));
        int more = random.Next(4);
        for (int i = 0; i < more; i++)
        {
            int position = random.Next(copy.Length);
            if (position != first)
            {
                copy[position] ^= (byte)(1 << random.Next(8));
            }
        }

        return copy;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // A header that passes the first checks (type, length, cookie) over random attributes.
    private static byte[] StunShaped(Random random)
    {
        int bodyLength = 4 * random.Next(32);
        byte[] bytes = RandomBytes(random, 20 + bodyLength);
        bytes[0] = 0x00;
        bytes[1] = 0x01;
        bytes[2] = (byte)(bodyLength >> 8);
        bytes[3] = (byte)bodyLength;
        bytes[4] = 0x21;
        bytes[5] = 0x12;
        bytes[6] = 0xA4;
        bytes[7] = 0x42;
        return bytes;
    }
}
