using System.Collections.Concurrent;
using System.Net;
using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Sources.Live;

/// <summary>
/// Live sources fed by plain RTP/Opus (RFC 7587) arriving on the plain-RTP port, for hardware consoles that cannot
/// speak WebRTC: <see cref="Open"/> a source for an SSRC, and the port's handler hands every RTP datagram to
/// <see cref="TryDeliver"/>, which routes it by SSRC.
/// </summary>
/// <remarks>
/// An SSRC is not a secret, so a source should name the console's address (<c>allowedSource</c>) when the network
/// lets anyone reach the port; packets of that SSRC from elsewhere are dropped and counted.
/// </remarks>
public sealed class RtpIngestRegistry
{
    /// <summary>How long a source waits for packets before it reports the end of its stream.</summary>
    public static readonly TimeSpan SilenceTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<uint, RtpLiveSource> _sources = new();
    private readonly JitterBufferOptions _jitterOptions;
    private long _droppedMalformed;
    private long _droppedUnknownSsrc;
    private long _droppedWrongSource;

    /// <summary>Creates an empty registry.</summary>
    /// <param name="timeProvider">The clock of arrival times and of <see cref="SilenceTimeout"/>.</param>
    /// <param name="jitterOptions">Jitter buffer settings of every source (the arrival clock is set from <paramref name="timeProvider"/>).</param>
    public RtpIngestRegistry(TimeProvider? timeProvider = null, JitterBufferOptions? jitterOptions = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        _jitterOptions = (jitterOptions ?? new JitterBufferOptions()) with { TimestampFrequency = TimeProvider.TimestampFrequency };
        _jitterOptions.Validate();
    }

    /// <summary>Sources open now.</summary>
    public int OpenCount => _sources.Count;

    /// <summary>Datagrams that are not valid RTP.</summary>
    public long DroppedMalformed => Interlocked.Read(ref _droppedMalformed);

    /// <summary>RTP of an SSRC no source is open for.</summary>
    public long DroppedUnknownSsrc => Interlocked.Read(ref _droppedUnknownSsrc);

    /// <summary>RTP of an open SSRC from an address other than the source's allowed one.</summary>
    public long DroppedWrongSource => Interlocked.Read(ref _droppedWrongSource);

    internal TimeProvider TimeProvider { get; }

    /// <summary>
    /// Opens the live source of <paramref name="ssrc"/>: it plays the Opus packets of that SSRC from
    /// <paramref name="allowedSource"/> (any address when null) until disposed or silent for <see cref="SilenceTimeout"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A source is already open for <paramref name="ssrc"/>.</exception>
    public RtpLiveSource Open(uint ssrc, IPAddress? allowedSource)
    {
        var source = new RtpLiveSource(this, ssrc, allowedSource, _jitterOptions);
        if (!_sources.TryAdd(ssrc, source))
        {
            source.ReleaseDecoder();
            throw new InvalidOperationException($"An RTP source is already open for SSRC {ssrc}.");
        }

        return source;
    }

    /// <summary>
    /// Routes one plain RTP datagram to the source of its SSRC. False (counted) when it is malformed, of an SSRC
    /// nobody opened, or from an address the source does not allow. Allocates nothing.
    /// </summary>
    public bool TryDeliver(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!RtpPacket.TryParse(datagram, out RtpPacket packet))
        {
            Interlocked.Increment(ref _droppedMalformed);
            return false;
        }

        if (!_sources.TryGetValue(packet.Ssrc, out RtpLiveSource? live))
        {
            Interlocked.Increment(ref _droppedUnknownSsrc);
            return false;
        }

        if (!live.Allows(source))
        {
            Interlocked.Increment(ref _droppedWrongSource);
            return false;
        }

        live.OnPacket(packet, TimeProvider.GetTimestamp());
        return true;
    }

    internal void Remove(RtpLiveSource source) =>
        _sources.TryRemove(new KeyValuePair<uint, RtpLiveSource>(source.Ssrc, source));
}
