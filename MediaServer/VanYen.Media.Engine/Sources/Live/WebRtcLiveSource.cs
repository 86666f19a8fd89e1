using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc;

namespace VanYen.Media.Engine.Sources.Live;

/// <summary>
/// An announcer's browser microphone as a program source: the peer's Opus RTP goes into a jitter buffer (receive
/// thread) and every <see cref="ReadFrameAsync"/> pops one decoded 20 ms frame (clock thread): losses are rebuilt
/// from FEC or concealed (PLC), and an empty buffer reads as silence, so the program never waits on the network.
/// </summary>
/// <remarks>
/// The source ends (<see cref="AudioSourceReadResult.EndOfStream"/>) when the peer closes, when
/// <see cref="Complete"/> is called (the announcer pressed stop), or after
/// <see cref="WebRtcLiveSourceOptions.IdleTimeout"/> without a packet.
/// </remarks>
public sealed class WebRtcLiveSource : IAudioSource, IRtpSink
{
    private readonly LiveOpusInput _input;
    private readonly TimeSpan _idleTimeout;
    private readonly int _payloadType;
    private WebRtcPeer? _peer;
    private int _completed;
    private int _disposed;

    /// <summary>Creates the source; <paramref name="opusPayloadType"/> is the payload type the browser negotiated for Opus.</summary>
    public WebRtcLiveSource(string description, int opusPayloadType, WebRtcLiveSourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        options ??= new WebRtcLiveSourceOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.IdleTimeout, TimeSpan.Zero, nameof(options));
        Description = description;
        _payloadType = opusPayloadType;
        _input = new LiveOpusInput(options.Jitter, options.TimeProvider);
        _idleTimeout = options.IdleTimeout;
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Opus packets accepted from the browser.</summary>
    public long PacketsReceived => _input.PacketsReceived;

    /// <summary>The jitter buffer's counters (loss, concealment, delay).</summary>
    public JitterBufferStatistics Statistics => _input.Statistics;

    /// <summary>True once the source has ended (peer closed, completed, or idle too long).</summary>
    public bool IsEnded => Volatile.Read(ref _completed) != 0 || IsIdleTooLong();

    /// <summary>Receives <paramref name="peer"/>'s RTP and ends when it closes.</summary>
    public void Connect(WebRtcPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        _peer = peer;
        peer.Closed += OnPeerClosed;
        peer.Sink = this;
        if (peer.IsClosed)
        {
            Complete();
        }
    }

    /// <summary>A packet arrived that is held back, not played: the idle timeout starts again (<see cref="LiveOpusInput.KeepAlive"/>).</summary>
    public void KeepAlive() => _input.KeepAlive();

    /// <summary>Ends the source: the next read returns <see cref="AudioSourceReadResult.EndOfStream"/>.</summary>
    public void Complete() => Volatile.Write(ref _completed, 1);

    /// <inheritdoc/>
    public void OnRtp(WebRtcPeer peer, in RtpPacket packet)
    {
        if (packet.PayloadType != _payloadType || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        _input.Insert(packet);
    }

    /// <inheritdoc/>
    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        if (frame.Length < JitterBuffer.FrameSamples)
        {
            throw new ArgumentException("A frame holds 960 samples (20 ms at 48 kHz).", nameof(frame));
        }

        if (IsEnded || Volatile.Read(ref _disposed) != 0)
        {
            return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.EndOfStream);
        }

        // Buffering and silence frames are zeros: the program keeps its clock while the network catches up.
        _input.Pop(frame.Span);
        return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.Frame);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Complete();
            if (_peer is { } peer)
            {
                peer.Closed -= OnPeerClosed;
                if (ReferenceEquals(peer.Sink, this))
                {
                    peer.Sink = null;
                }
            }

            // The decoder is only used under the jitter buffer's lock; a late packet is refused above.
            _input.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private bool IsIdleTooLong() => _input.IsIdleFor(_idleTimeout);

    private void OnPeerClosed(object? sender, WebRtcPeerClosedEventArgs e) => Complete();
}
