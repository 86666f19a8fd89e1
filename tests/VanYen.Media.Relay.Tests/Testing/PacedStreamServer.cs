using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VanYen.Media.Relay.Tests.Testing;

/// <summary>
/// An Icecast-like HTTP server on 127.0.0.1:0: every GET gets an endless MP3 body (no Content-Length), the file's
/// bytes looped and paced a little faster than real time, then what <see cref="StreamEnd"/> says.
/// </summary>
internal sealed class PacedStreamServer : IAsyncDisposable
{
    private const double Speed = 1.25;

    private readonly TcpListener _listener;
    private readonly byte[] _content;
    private readonly byte[]? _after;
    private readonly TimeSpan? _playFor;
    private readonly StreamEnd _end;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;
    private readonly TaskCompletionSource _clientLeft = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stoppedListening;

    private PacedStreamServer(string path, TimeSpan? playFor, StreamEnd end, string? afterPath)
    {
        _content = File.ReadAllBytes(path);
        _after = afterPath is null ? null : File.ReadAllBytes(afterPath);
        _playFor = playFor;
        _end = end;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/live.mp3?token=secret");
        _acceptLoop = AcceptAsync();
    }

    /// <summary>The stream's URL.</summary>
    public Uri Url { get; }

    /// <summary>Connections accepted so far.</summary>
    public int ConnectionCount { get; private set; }

    /// <summary>Completes when a client closed its connection while the server was still sending.</summary>
    public Task ClientLeft => _clientLeft.Task;

    public static PacedStreamServer Start(string path, TimeSpan? playFor = null, StreamEnd end = StreamEnd.Never, string? afterPath = null) =>
        new(path, playFor, end, afterPath);

    /// <summary>A URL on a port nothing listens on.</summary>
    public static Uri ClosedPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/live.mp3");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        StopListening();
        await Task.WhenAny(_acceptLoop, Task.Delay(5000));
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAny(Task.WhenAll(connections), Task.Delay(5000));
        _stop.Dispose();
    }

    private void StopListening()
    {
        if (Interlocked.Exchange(ref _stoppedListening, 1) == 0)
        {
            _listener.Stop();
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
                ConnectionCount++;
                lock (_connections)
                {
                    _connections.Add(ServeAsync(client));
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        CancellationToken stop = _stop.Token;
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                await ReadRequestAsync(stream, stop);
                byte[] header = Encoding.ASCII.GetBytes("HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\nicy-name: VanYen test radio\r\n\r\n");
                await stream.WriteAsync(header, stop);
                var clock = Stopwatch.StartNew();
                long sent = await SendPacedAsync(stream, _content, clock, 0, _playFor, stop);
                switch (_end)
                {
                    case StreamEnd.CloseAndStopListening:
                        StopListening();
                        return;
                    case StreamEnd.Stall:
                        await Task.Delay(Timeout.Infinite, stop);
                        return;
                    case StreamEnd.SwitchContent:
                        await SendPacedAsync(stream, _after!, clock, sent, null, stop);
                        return;
                    default:
                        return;
                }
            }
            catch (OperationCanceledException)
            {
                // Server disposed.
            }
            catch (IOException)
            {
                _clientLeft.TrySetResult();
            }
        }
    }

    private static async Task ReadRequestAsync(NetworkStream stream, CancellationToken stop)
    {
        var request = new StringBuilder();
        byte[] buffer = new byte[1024];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer, stop);
            if (read == 0)
            {
                throw new IOException("the client left before its request ended");
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    /// <summary>Sends <paramref name="content"/> looped, at <see cref="Speed"/> times its bit rate, for <paramref name="duration"/> of audio (null: forever).</summary>
    private static async Task<long> SendPacedAsync(NetworkStream stream, byte[] content, Stopwatch clock, long alreadySent, TimeSpan? duration, CancellationToken stop)
    {
        const int ChunkLength = ToneFiles.Mp3ByteRate / 10;
        long limit = duration is null ? long.MaxValue : alreadySent + (long)(duration.Value.TotalSeconds * ToneFiles.Mp3ByteRate);
        long sent = alreadySent;
        int offset = 0;
        while (sent < limit)
        {
            // Two seconds of head start, then paced: an Icecast server sends a burst (its burst-size), then the live rate.
            double dueSeconds = (sent - (2 * ToneFiles.Mp3ByteRate)) / (ToneFiles.Mp3ByteRate * Speed);
            TimeSpan wait = TimeSpan.FromSeconds(dueSeconds) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop);
            }

            int length = (int)Math.Min(Math.Min(ChunkLength, content.Length - offset), limit - sent);
            await stream.WriteAsync(content.AsMemory(offset, length), stop);
            sent += length;
            offset = (offset + length) % content.Length;
        }

        return sent;
    }
}
