using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Sources.Live;

/// <summary>
/// A live program from a hardware console: the Opus RTP packets of one SSRC (opened with
/// <see cref="RtpIngestRegistry.Open"/>) through a jitter buffer and the Opus decoder with loss concealment.
/// </summary>
/// <remarks>
/// <see cref="ReadFrameAsync"/> never waits: every call returns a frame (decoded, concealed, or silence while the
/// buffer fills or the console pauses), completed synchronously. The stream ends when the source is disposed or
/// after <see cref="RtpIngestRegistry.SilenceTimeout"/> without a packet; the SSRC is then free to open again.
/// Packets are inserted on the socket's receive loop and frames read on the clock's thread; neither allocates.
/// </remarks>
public sealed class RtpLiveSource : IAudioSource
{
    private readonly RtpIngestRegistry _registry;
    private readonly byte[]? _allowedAddress;
    private readonly OpusAudioDecoder _decoder;
    private readonly JitterBuffer _jitter;
    private readonly long _silenceTimeoutTicks;
    private readonly Lock _lock = new();
    private long _lastPacketTimestamp;
    private long _packetsReceived;
    private bool _ended;

    internal RtpLiveSource(RtpIngestRegistry registry, uint ssrc, IPAddress? allowedSource, JitterBufferOptions jitterOptions)
    {
        _registry = registry;
        Ssrc = ssrc;
        if (allowedSource is not null)
        {
            _allowedAddress = (allowedSource.IsIPv4MappedToIPv6 ? allowedSource.MapToIPv4() : allowedSource).GetAddressBytes();
        }

        _decoder = new OpusAudioDecoder();
        _jitter = new JitterBuffer(jitterOptions, _decoder);
        TimeProvider timeProvider = registry.TimeProvider;
        _silenceTimeoutTicks = (long)(RtpIngestRegistry.SilenceTimeout.TotalSeconds * timeProvider.TimestampFrequency);
        _lastPacketTimestamp = timeProvider.GetTimestamp();
        Description = allowedSource is null ? $"RTP live: SSRC {ssrc}" : $"RTP live: SSRC {ssrc} from {allowedSource}";
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>The SSRC this source plays.</summary>
    public uint Ssrc { get; }

    /// <summary>RTP packets handed to the jitter buffer.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>The jitter buffer's counters (concealed, late, lost frames…).</summary>
    public JitterBufferStatistics JitterStatistics => _jitter.Statistics;

    /// <inheritdoc/>
    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        if (frame.Length < PcmFrame.SamplesPerFrame)
        {
            throw new ArgumentException("A frame holds at least 960 samples.", nameof(frame));
        }

        lock (_lock)
        {
            if (!_ended && _registry.TimeProvider.GetTimestamp() - Interlocked.Read(ref _lastPacketTimestamp) >= _silenceTimeoutTicks)
            {
                End();
            }

            if (_ended)
            {
                return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.EndOfStream);
            }

            _jitter.Pop(frame.Span.Slice(0, PcmFrame.SamplesPerFrame));
            return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.Frame);
        }
    }

    /// <summary>Ends the stream and frees the SSRC.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            End();
        }

        return ValueTask.CompletedTask;
    }

    internal void OnPacket(RtpPacket packet, long arrivalTimestamp)
    {
        if (Volatile.Read(ref _ended))
        {
            return;
        }

        Interlocked.Exchange(ref _lastPacketTimestamp, arrivalTimestamp);
        Interlocked.Increment(ref _packetsReceived);
        _jitter.Insert(packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Payload, arrivalTimestamp);
    }

    // Compares the sender's IP (not its port: a console may send from any port) with the allowed one, reading the
    // sockaddr bytes in place; an IPv4 sender seen on a dual-mode socket arrives as an IPv4-mapped IPv6 address.
    internal bool Allows(SocketAddress source)
    {
        if (_allowedAddress is null)
        {
            return true;
        }

        ReadOnlySpan<byte> bytes = source.Buffer.Span;
        ReadOnlySpan<byte> address;
        if (source.Family == AddressFamily.InterNetwork && source.Size >= 8)
        {
            address = bytes.Slice(4, 4);
        }
        else if (source.Family == AddressFamily.InterNetworkV6 && source.Size >= 24)
        {
            address = bytes.Slice(8, 16);
            if (address.Slice(0, 10).IndexOfAnyExcept((byte)0) < 0 && address[10] == 0xFF && address[11] == 0xFF)
            {
                address = address.Slice(12);
            }
        }
        else
        {
            return false;
        }

        return address.SequenceEqual(_allowedAddress);
    }

    internal void ReleaseDecoder() => _decoder.Dispose();

    // Under the lock.
    private void End()
    {
        if (_ended)
        {
            return;
        }

        Volatile.Write(ref _ended, true);
        _registry.Remove(this);
        _jitter.Reset();
    }
}
