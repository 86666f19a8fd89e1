using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Devices;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Live;

namespace VanYen.Media.Engine.Tests.Sources.Live;

public sealed class RtpLiveSourceTests : IAsyncLifetime
{
    private const uint Ssrc = 0x5EED_0001;
    private const int FrameSamples = 960;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddDays(20000));
    private RtpIngestRegistry _registry = null!;
    private DeviceMediaEndpoint _endpoint = null!;
    private UdpMediaSocket _socket = null!;
    private Socket _console = null!;

    public Task InitializeAsync()
    {
        _registry = new RtpIngestRegistry(_time);
        _endpoint = new DeviceMediaEndpoint(id => new ClusterChannel(id), ingest: _registry, timeProvider: _time);
        _socket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), _endpoint, new UdpMediaSocketOptions { Name = "ingest-test", DualMode = false });
        _console = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _console.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _console.Dispose();
        _endpoint.Dispose();
        await _socket.DisposeAsync();
    }

    [Fact]
    public async Task ALiveSourceDecodesAnOpusStreamSentOverUdp()
    {
        const int frames = 100;
        short[] tone = Tone(frames * FrameSamples, frequency: 440, amplitude: 8000);
        await using RtpLiveSource source = _registry.Open(Ssrc, IPAddress.Loopback);
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Application = OpusEncoderApplication.Audio, Bitrate = 48000 });
        short[] received = new short[frames * FrameSamples];
        byte[] datagram = new byte[1500];
        for (int i = 0; i < frames; i++)
        {
            int header = RtpHeaderWriter.Write(datagram, new RtpHeaderFields(111, i == 0, (ushort)(60000 + i), (uint)(i * FrameSamples), Ssrc));
            int length = encoder.Encode(tone.AsSpan(i * FrameSamples, FrameSamples), datagram.AsSpan(header));
            _console.SendTo(datagram.AsSpan(0, header + length), SocketFlags.None, new IPEndPoint(IPAddress.Loopback, _socket.Port));
            WaitUntil(() => source.PacketsReceived == i + 1);
            _time.Advance(TimeSpan.FromMilliseconds(20));
            Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(received.AsMemory(i * FrameSamples, FrameSamples), CancellationToken.None));
        }

        // Playout starts after the jitter buffer's delay; look for the lag where the output matches the tone.
        (int lag, double correlation) = BestLag(tone, received, maxLag: 10 * FrameSamples);
        Assert.True(correlation > 0.9, $"correlation {correlation:F3} at lag {lag}");
        double sentLevel = Rms(tone.AsSpan(20 * FrameSamples, 40 * FrameSamples));
        double receivedLevel = Rms(received.AsSpan((20 * FrameSamples) + lag, 40 * FrameSamples));
        Assert.InRange(20 * Math.Log10(receivedLevel / sentLevel), -2.0, 2.0);
        Assert.Equal(0, _registry.DroppedUnknownSsrc);
    }

    [Fact]
    public async Task PacketsFromAnotherAddressOrSsrcAreDroppedAndCounted()
    {
        await using RtpLiveSource source = _registry.Open(Ssrc, IPAddress.Parse("10.1.2.3"));
        byte[] datagram = new byte[40];
        int header = RtpHeaderWriter.Write(datagram, new RtpHeaderFields(111, false, 1, 960, Ssrc));
        _console.SendTo(datagram.AsSpan(0, header + 3), SocketFlags.None, new IPEndPoint(IPAddress.Loopback, _socket.Port));
        RtpHeaderWriter.Write(datagram, new RtpHeaderFields(111, false, 1, 960, Ssrc + 1));
        _console.SendTo(datagram.AsSpan(0, header + 3), SocketFlags.None, new IPEndPoint(IPAddress.Loopback, _socket.Port));

        WaitUntil(() => _registry.DroppedWrongSource == 1 && _registry.DroppedUnknownSsrc == 1);
        Assert.Equal(0, source.PacketsReceived);
        Assert.Equal(2, _endpoint.DroppedUnknownRtp);
    }

    [Fact]
    public async Task AnIPv4MappedSenderMatchesItsIPv4Address()
    {
        await using RtpLiveSource source = _registry.Open(Ssrc, IPAddress.Loopback);
        byte[] datagram = new byte[40];
        int header = RtpHeaderWriter.Write(datagram, new RtpHeaderFields(111, false, 1, 960, Ssrc));
        SocketAddress mapped = new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 5004).Serialize();
        SocketAddress other = new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.2"), 5004).Serialize();

        Assert.True(_registry.TryDeliver(datagram.AsSpan(0, header + 3), mapped));
        Assert.False(_registry.TryDeliver(datagram.AsSpan(0, header + 3), other));
    }

    [Fact]
    public async Task WithoutPacketsItPlaysSilenceThenEndsAfterTenSeconds()
    {
        RtpLiveSource source = _registry.Open(Ssrc, allowedSource: null);
        short[] frame = new short[FrameSamples];
        Array.Fill(frame, (short)123);
        Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(frame, CancellationToken.None));
        Assert.All(frame, sample => Assert.Equal(0, sample));

        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(AudioSourceReadResult.Frame, await source.ReadFrameAsync(frame, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(AudioSourceReadResult.EndOfStream, await source.ReadFrameAsync(frame, CancellationToken.None));
        Assert.Equal(0, _registry.OpenCount);

        await using RtpLiveSource reopened = _registry.Open(Ssrc, allowedSource: null);
        Assert.Equal(1, _registry.OpenCount);
    }

    [Fact]
    public async Task DisposingEndsTheStreamAndFreesTheSsrc()
    {
        RtpLiveSource source = _registry.Open(Ssrc, allowedSource: null);
        Assert.Throws<InvalidOperationException>(() => _registry.Open(Ssrc, allowedSource: null));
        await source.DisposeAsync();
        Assert.Equal(AudioSourceReadResult.EndOfStream, await source.ReadFrameAsync(new short[FrameSamples], CancellationToken.None));
        Assert.Equal(0, _registry.OpenCount);
        await using RtpLiveSource reopened = _registry.Open(Ssrc, allowedSource: null);
    }

    private static short[] Tone(int samples, double frequency, double amplitude)
    {
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++)
        {
            tone[i] = (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / 48000));
        }

        return tone;
    }

    private static (int Lag, double Correlation) BestLag(short[] sent, short[] received, int maxLag)
    {
        // Compare a 40-frame window of the tone with the output shifted by each lag.
        const int start = 20 * FrameSamples;
        const int length = 40 * FrameSamples;
        (int lag, double correlation) best = (0, double.MinValue);
        for (int lag = 0; lag <= maxLag; lag++)
        {
            double dot = 0, sentEnergy = 0, receivedEnergy = 0;
            for (int i = 0; i < length; i++)
            {
                double a = sent[start + i];
                double b = received[start + lag + i];
                dot += a * b;
                sentEnergy += a * a;
                receivedEnergy += b * b;
            }

            double correlation = receivedEnergy == 0 ? 0 : dot / Math.Sqrt(sentEnergy * receivedEnergy);
            if (correlation > best.correlation)
            {
                best = (lag, correlation);
            }
        }

        return best;
    }

    private static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short sample in samples)
        {
            sum += (double)sample * sample;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    private static void WaitUntil(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 5 s");
            Thread.Yield();
        }
    }
}
