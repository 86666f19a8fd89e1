using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VanYen.Media.Relay.Tests.Testing;

/// <summary>An ffmpeg process sending an endless PCMU tone as plain RTP (static payload type 0, no SDP needed) to 127.0.0.1, in real time.</summary>
internal sealed class RtpToneSender : IAsyncDisposable
{
    private readonly Process _process;
    private int _disposed;

    private RtpToneSender(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The rtp:// URL the relay listens on.</summary>
    public Uri Url { get; }

    public static RtpToneSender Start(int frequency)
    {
        int port = FreeRtpPort();
        var url = new Uri($"rtp://127.0.0.1:{port}");
        var startInfo = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true };
        foreach (string argument in (string[])["-hide_banner", "-loglevel", "error", "-nostdin", "-re", "-f", "lavfi", "-i", $"sine=frequency={frequency}:sample_rate=8000", "-ac", "1", "-c:a", "pcm_mulaw", "-f", "rtp", url.OriginalString])
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return new RtpToneSender(process, url);
    }

    /// <summary>Stops sending (kills ffmpeg); safe more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>An even UDP port whose odd neighbour (RTCP, RFC 3550 §11) is free too.</summary>
    private static int FreeRtpPort()
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            using var rtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)rtp.Client.LocalEndPoint!).Port;
            if (port % 2 != 0)
            {
                continue;
            }

            try
            {
                using var rtcp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port + 1));
                return port;
            }
            catch (SocketException)
            {
                // The RTCP port is taken; try another pair.
            }
        }

        throw new InvalidOperationException("no free RTP port pair on 127.0.0.1");
    }
}
