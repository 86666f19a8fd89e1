using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Live;
using VanYen.Media.Engine.WebRtc;

namespace VanYen.Media.Server.Consoles;

/// <summary>
/// A live emergency's microphone: the program plays its chime first (about 2 s) and reads the voice only after it, so
/// the packets that arrive before that first read are dropped rather than queued. Queued, they would overflow the
/// jitter buffer (640 ms) and leave the whole emergency that much late; dropped, the voice after the chime is as
/// fresh as an ordinary live voice (the console tells the announcer to speak after the chime).
/// </summary>
/// <remarks>
/// Sits between the peer and <see cref="WebRtcLiveSource"/>: the peer's RTP sink once connected. Per packet: one
/// volatile read and a forward, nothing allocated.
/// </remarks>
public sealed class ChimeGatedLiveSource : IAudioSource, IRtpSink
{
    private readonly WebRtcLiveSource _microphone;
    private WebRtcPeer? _peer;
    private volatile bool _listening;

    /// <summary>Wraps <paramref name="microphone"/>, which it then owns (disposing this disposes it).</summary>
    public ChimeGatedLiveSource(WebRtcLiveSource microphone)
    {
        ArgumentNullException.ThrowIfNull(microphone);
        _microphone = microphone;
    }

    /// <inheritdoc/>
    public string Description => _microphone.Description;

    /// <summary>Connects the microphone to <paramref name="peer"/> (its end follows the peer's), then takes the peer's RTP.</summary>
    public void Connect(WebRtcPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        _microphone.Connect(peer);
        _peer = peer;
        peer.Sink = this;
    }

    /// <summary>
    /// Forwards the packet to the microphone once the program has read from it; drops it before, but counts it as a
    /// sign of life: a live emergency waiting behind another one on its clusters must not time out as idle while the
    /// announcer is still talking.
    /// </summary>
    public void OnRtp(WebRtcPeer peer, in RtpPacket packet)
    {
        if (_listening)
        {
            _microphone.OnRtp(peer, packet);
        }
        else
        {
            _microphone.KeepAlive();
        }
    }

    /// <inheritdoc/>
    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        // The first read comes when the chime has played: from now on the voice goes to the jitter buffer.
        _listening = true;
        return _microphone.ReadFrameAsync(frame, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (_peer is { } peer && ReferenceEquals(peer.Sink, this))
        {
            peer.Sink = null;
        }

        return _microphone.DisposeAsync();
    }
}
