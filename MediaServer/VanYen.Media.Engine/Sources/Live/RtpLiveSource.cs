using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Audio;
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
    private readonly LiveOpusInput _input;
    private readonly Lock _lock = new();
    private bool _ended;

    internal RtpLiveSource(RtpIngestRegistry registry, uint ssrc, IPAddress? allowedSource, JitterBufferOptions jitterOptions)
    {
        _registry = registry;
        Ssrc = ssrc;
        if (allowedSource is not null)
        {
            _allowedAddress = (allowedSource.IsIPv4MappedToIPv6 ? allowedSource.MapToIPv4() : allowedSource).GetAddressBytes();
        }

        _input = new LiveOpusInput(jitterOptions, registry.TimeProvider);
        Description = allowedSource is null ? $"RTP live: SSRC {ssrc}" : $"RTP live: SSRC {ssrc} from {allowedSource}";
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>The SSRC this source plays.</summary>
    public uint Ssrc { get; }

    /// <summary>RTP packets handed to the jitter buffer.</summary>
    public long PacketsReceived => _input.PacketsReceived;

    /// <summary>The jitter buffer's counters (concealed, late, lost frames…).</summary>
    public JitterBufferStatistics JitterStatistics => _input.Statistics;

    /// <inheritdoc/>
    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        if (frame.Length < PcmFrame.SamplesPerFrame)
        {
            throw new ArgumentException("A frame holds at least 960 samples.", nameof(frame));
        }

        lock (_lock)
        {
            if (!_ended && _input.IsIdleFor(RtpIngestRegistry.SilenceTimeout))
            {
                End();
            }

            if (_ended)
            {
                return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.EndOfStream);
            }

            _input.Pop(frame.Span);
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

        _input.Insert(packet, arrivalTimestamp);
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

    internal void ReleaseDecoder() => _input.Dispose();

    // Under the lock.
    private void End()
    {
        if (_ended)
        {
            return;
        }

        Volatile.Write(ref _ended, true);
        _registry.Remove(this);
        _input.Reset();
    }
}
