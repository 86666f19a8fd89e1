using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Tests.Testing;

namespace VanYen.Media.Engine.Tests.Net;

/// <summary>
/// The media core end to end on real loopback sockets: receive into pooled buffers,
/// demultiplex, parse RTP, rewrite the header for a subscriber, send on.
/// </summary>
public class RtpLoopbackForwardingTests
{
    private const uint ForwardedSsrc = 0x5EED_F00D;
    private const ushort FirstForwardedSequence = 40_000;

    [Fact(Timeout = 60_000)]
    public async Task TenThousandRtpPacketsInComeOutRewrittenInOrderAndMalformedOnesAreCountedAndDropped()
    {
        const int count = 10_000;
        using Socket subscriber = SocketTesting.CreateClient(IPAddress.Loopback);
        var forwarder = new ForwardingHandler(((IPEndPoint)subscriber.LocalEndPoint!).Serialize());
        await using var media = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), forwarder, new UdpMediaSocketOptions { Name = "forward" });
        using Socket publisher = SocketTesting.CreateClient(IPAddress.Loopback);
        SocketAddress target = SocketTesting.TargetOf(media, IPAddress.Loopback);

        // Malformed first. The demultiplexer drops an undefined first byte and an RTP version 1 header
        // (first byte 64-127 is no packet kind, RFC 7983 §7); the RTP reader refuses a header that
        // announces more CSRCs than it carries and padding longer than the payload (RFC 3550 §5.1).
        publisher.SendTo(TestDatagrams.Starting(0x55), SocketFlags.None, target);
        byte[] versionOne = TestDatagrams.Rtp(1);
        versionOne[0] = 0x60;
        publisher.SendTo(versionOne, SocketFlags.None, target);
        byte[] overPadded = TestDatagrams.Rtp(3);
        overPadded[0] |= 0x20;
        overPadded[^1] = 255;
        publisher.SendTo(overPadded, SocketFlags.None, target);
        byte[] truncated = TestDatagrams.Rtp(2)[..16];
        truncated[0] |= 0x0F; // 15 CSRCs announced (60 bytes), one present
        publisher.SendTo(truncated, SocketFlags.None, target);

        var received = new byte[count][];
        int receivedCount = 0;
        var receiving = Task.Run(() =>
        {
            byte[] buffer = new byte[2048];
            while (receivedCount < count)
            {
                int length = subscriber.Receive(buffer);
                received[receivedCount] = buffer[..length];
                Volatile.Write(ref receivedCount, receivedCount + 1);
            }
        });

        // Paced on what the subscriber has read, so neither receive buffer overflows on a busy machine.
        await Task.Run(() =>
        {
            for (int i = 0; i < count; i++)
            {
                publisher.SendTo(TestDatagrams.Rtp((ushort)(100 + i)), SocketFlags.None, target);
                var spinner = default(SpinWait);
                while (i - Volatile.Read(ref receivedCount) > 64 && !receiving.IsCompleted)
                {
                    spinner.SpinOnce();
                }
            }
        });
        await receiving.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(count, receivedCount);
        for (int i = 0; i < count; i++)
        {
            Assert.True(RtpPacket.TryParse(received[i], out RtpPacket packet), $"packet {i} out is not RTP");
            Assert.Equal(ForwardedSsrc, packet.Ssrc);
            Assert.Equal((ushort)(FirstForwardedSequence + i), packet.SequenceNumber);
            byte[] sent = TestDatagrams.Rtp((ushort)(100 + i));
            Assert.True(RtpPacket.TryParse(sent, out RtpPacket original));
            Assert.Equal(original.Timestamp, packet.Timestamp);
            Assert.True(original.Payload.SequenceEqual(packet.Payload), $"payload {i} changed on the way");
        }

        Assert.Equal(count + 4, media.Counters.PacketsReceived);
        await Eventually.EqualAsync(count, () => media.Counters.PacketsSent);
        Assert.Equal(2, media.Counters.DroppedMalformed);
        Assert.Equal(2, forwarder.RejectedRtp);
        Assert.Equal(0, media.Counters.HandlerErrors);
    }

    /// <summary>An SFU in miniature: every RTP packet goes to one subscriber under its own SSRC and sequence.</summary>
    private sealed class ForwardingHandler(SocketAddress subscriber) : IDatagramHandler
    {
        private ushort _nextSequence = FirstForwardedSequence;

        public int RejectedRtp { get; private set; }

        public void OnDatagram(ReceivedDatagram datagram)
        {
            if (datagram.Kind != PacketKind.Rtp || !RtpPacket.TryParse(datagram.Data, out _))
            {
                RejectedRtp++;
                return;
            }

            RtpHeaderRewriter.SetSsrc(datagram.Data, ForwardedSsrc);
            RtpHeaderRewriter.SetSequenceNumber(datagram.Data, _nextSequence++);
            datagram.Transport.TrySend(datagram.Data, subscriber);
        }
    }
}
