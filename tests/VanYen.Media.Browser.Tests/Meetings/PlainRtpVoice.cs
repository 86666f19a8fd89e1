using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Browser.Tests.Meetings;

/// <summary>A plain RTP participant in the test: a UDP socket on 127.0.0.1 sending a voice in a loop as RTP/Opus (the engine's encoder), every 20 ms.</summary>
internal sealed class PlainRtpVoice : IAsyncDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private Task? _sending;
    private long _packetsReceived;

    public int Port => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>Starts sending <paramref name="voice"/> to <paramref name="server"/> and counting what comes back.</summary>
    public void Start(short[] voice, IPEndPoint server, byte payloadType)
    {
        _sending = Task.WhenAll(SendAsync(voice, server, payloadType, _stop.Token), ReceiveAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_sending is not null)
        {
            await _sending;
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task SendAsync(short[] voice, IPEndPoint server, byte payloadType, CancellationToken cancellationToken)
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions());
        var pcm = new short[encoder.FrameLength];
        var packet = new byte[1500];
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        ushort sequence = 1;
        uint timestamp = 0;
        uint ssrc = (uint)Random.Shared.Next(1, int.MaxValue);
        long position = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                for (int i = 0; i < pcm.Length; i++, position++)
                {
                    pcm[i] = voice[position % voice.Length];
                }

                int header = RtpHeaderWriter.Write(packet, new RtpHeaderFields(payloadType, sequence == 1, sequence, timestamp, ssrc));
                int length = encoder.Encode(pcm, packet.AsSpan(header));
                await _socket.SendAsync(packet.AsMemory(0, header + length), server, cancellationToken);
                sequence++;
                timestamp += (uint)pcm.Length;
                await timer.WaitForNextTickAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Hung up.
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _socket.ReceiveAsync(cancellationToken);
                Interlocked.Increment(ref _packetsReceived);
            }
        }
        catch (OperationCanceledException)
        {
            // Hung up.
        }
        catch (SocketException)
        {
            // The socket closed.
        }
    }
}
