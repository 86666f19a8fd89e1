using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Tests.WebRtc.Srtp;

/// <summary>
/// Interop with a real, independent SRTP implementation: ffmpeg's <c>srtp</c> protocol sends an Opus
/// stream as AES_CM_128_HMAC_SHA1_80 to sockets on 127.0.0.1, and our context must unprotect it.
/// </summary>
public class SrtpContextFfmpegInteropTests
{
    private const uint Ssrc = 0x12345678;

    // Starting this close to 65535 makes ffmpeg's ~100 packets cross the sequence wrap (ROC 0 -> 1).
    private const int FirstSequenceNumber = 65500;

    private sealed record Capture(List<byte[]> Rtp, List<byte[]> Rtcp);

    [Fact]
    public async Task FfmpegSrtpAcrossASequenceWrapAuthenticatesAndDecryptsToFfmpegsPlainRtp()
    {
        var masterKey = new byte[16];
        var masterSalt = new byte[14];
        var random = new Random(5764);
        random.NextBytes(masterKey);
        random.NextBytes(masterSalt);
        string keyParameters = Convert.ToBase64String([.. masterKey, .. masterSalt]);

        Capture plain = await CaptureFfmpegAsync(srtpParameters: null);
        Capture secure = await CaptureFfmpegAsync(keyParameters);

        Assert.InRange(secure.Rtp.Count, 90, 200);
        Assert.Equal(plain.Rtp.Count, secure.Rtp.Count);
        Assert.NotEmpty(secure.Rtcp);

        byte[] firstAsReceived = (byte[])secure.Rtp[0].Clone();
        using var context = new SrtpContext(SrtpProtectionProfile.AesCm128HmacSha1_80, masterKey, masterSalt);
        for (int i = 0; i < secure.Rtp.Count; i++)
        {
            byte[] packet = secure.Rtp[i];
            Assert.Equal(SrtpUnprotectResult.Ok, context.UnprotectRtp(packet, out int length));
            Assert.True(SrtpPacketHeader.TryGetRtpHeaderLength(packet.AsSpan(0, length), out int headerLength));
            Assert.Equal((ushort)(FirstSequenceNumber + i), SrtpPacketHeader.ReadRtpSequenceNumber(packet));

            // libopus is deterministic: the decrypted payload is what the unencrypted run sent.
            byte[] plainPacket = plain.Rtp[i];
            Assert.Equal(plainPacket[12..], packet[headerLength..length]);
        }

        Assert.Equal(1u, context.GetRolloverCounter(Ssrc));

        foreach (byte[] packet in secure.Rtcp)
        {
            Assert.Equal(SrtpUnprotectResult.Ok, context.UnprotectRtcp(packet, out int length));
            Assert.Equal(200, packet[1]); // a sender report
            Assert.Equal(Ssrc, SrtpPacketHeader.ReadRtcpSsrc(packet));
            Assert.Equal((BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2)) + 1) * 4, length);
        }

        // Replaying ffmpeg's first packet (before the wrap, still inside the window) is refused.
        Assert.Equal(SrtpUnprotectResult.ReplayDetected, context.UnprotectRtp(firstAsReceived, out _));
    }

    private static async Task<Capture> CaptureFfmpegAsync(string? srtpParameters)
    {
        using var rtpSocket = Bind();
        using var rtcpSocket = Bind();
        int rtpPort = ((IPEndPoint)rtpSocket.LocalEndPoint!).Port;
        int rtcpPort = ((IPEndPoint)rtcpSocket.LocalEndPoint!).Port;

        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "-hide_banner", "-nostdin", "-loglevel", "error",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
            "-c:a", "libopus", "-b:a", "32k", "-ar", "48000", "-ac", "1",
            "-f", "rtp", "-seq", FirstSequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-ssrc", Ssrc.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        string scheme = "rtp";
        if (srtpParameters is not null)
        {
            scheme = "srtp";
            start.ArgumentList.Add("-srtp_out_suite");
            start.ArgumentList.Add("AES_CM_128_HMAC_SHA1_80");
            start.ArgumentList.Add("-srtp_out_params");
            start.ArgumentList.Add(srtpParameters);
        }

        start.ArgumentList.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{scheme}://127.0.0.1:{rtpPort}?rtcpport={rtcpPort}"));

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await process.WaitForExitAsync(timeout.Token);
        }

        await output;
        Assert.True(process.ExitCode == 0, "ffmpeg failed: " + await errors);
        return new Capture(Drain(rtpSocket), Drain(rtcpSocket));
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveBufferSize = 1 << 20,
        };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    /// <summary>Takes every datagram already queued (ffmpeg has exited, so nothing more comes).</summary>
    private static List<byte[]> Drain(Socket socket)
    {
        var packets = new List<byte[]>();
        var buffer = new byte[2048];
        while (socket.Poll(TimeSpan.FromMilliseconds(200), SelectMode.SelectRead))
        {
            int length = socket.Receive(buffer);
            packets.Add(buffer[..length]);
        }

        return packets;
    }
}
