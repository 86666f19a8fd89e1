using System.Diagnostics;
using System.Diagnostics.Metrics;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.WebRtc;

// Drops on the WebRTC path, counted per reason (and published on the "VanYen.Media.WebRtc" meter).
public sealed partial class WebRtcEndpoint
{
    /// <summary>The meter the WebRTC path publishes on.</summary>
    public const string MeterName = "VanYen.Media.WebRtc";

    private static readonly Meter _meter = new(MeterName);
    private static readonly Counter<long> _droppedCounter = _meter.CreateCounter<long>(
        "vanyen.webrtc.dropped", unit: "{packet}", description: "Datagrams the WebRTC path dropped, by reason");

    private long _droppedUnknownPeer;
    private long _droppedOtherProtocols;
    private long _droppedBeforeKeys;
    private long _droppedMalformedRtp;
    private long _authenticationFailures;
    private long _replays;
    private long _otherUnprotectFailures;

    /// <summary>DTLS/SRTP/SRTCP datagrams from an address no authenticated ICE check validated.</summary>
    public long DroppedUnknownPeer => Interlocked.Read(ref _droppedUnknownPeer);

    /// <summary>ZRTP, TURN channel data and unclassified datagrams.</summary>
    public long DroppedOtherProtocols => Interlocked.Read(ref _droppedOtherProtocols);

    /// <summary>SRTP/SRTCP that arrived before DTLS completed.</summary>
    public long DroppedBeforeKeys => Interlocked.Read(ref _droppedBeforeKeys);

    /// <summary>SRTP that authenticated but is not a well-formed RTP packet.</summary>
    public long DroppedMalformedRtp => Interlocked.Read(ref _droppedMalformedRtp);

    /// <summary>SRTP/SRTCP whose authentication tag did not verify.</summary>
    public long AuthenticationFailures => Interlocked.Read(ref _authenticationFailures);

    /// <summary>SRTP/SRTCP replays and packets too old for the replay window.</summary>
    public long Replays => Interlocked.Read(ref _replays);

    /// <summary>SRTP/SRTCP dropped as malformed or for too many SSRCs.</summary>
    public long OtherUnprotectFailures => Interlocked.Read(ref _otherUnprotectFailures);

    internal void CountBeforeKeys()
    {
        Interlocked.Increment(ref _droppedBeforeKeys);
        _droppedCounter.Add(1, new KeyValuePair<string, object?>("reason", "before-keys"));
    }

    internal void CountMalformedRtp()
    {
        Interlocked.Increment(ref _droppedMalformedRtp);
        _droppedCounter.Add(1, new KeyValuePair<string, object?>("reason", "malformed-rtp"));
    }

    internal void CountUnprotectFailure(WebRtcPeer peer, SrtpUnprotectResult result, bool isRtcp)
    {
        string reason;
        switch (result)
        {
            case SrtpUnprotectResult.AuthenticationFailed:
                Interlocked.Increment(ref _authenticationFailures);
                reason = "authentication";
                break;
            case SrtpUnprotectResult.ReplayDetected or SrtpUnprotectResult.TooOld:
                Interlocked.Increment(ref _replays);
                reason = "replay";
                break;
            default:
                Interlocked.Increment(ref _otherUnprotectFailures);
                reason = "malformed";
                break;
        }

        _droppedCounter.Add(1, new KeyValuePair<string, object?>("reason", reason));

        // One log line per second at most: a flood of forged packets must not become a flood of log lines.
        long now = Stopwatch.GetTimestamp();
        long last = Interlocked.Read(ref _lastFailureLogTimestamp);
        if (now - last >= Stopwatch.Frequency && Interlocked.CompareExchange(ref _lastFailureLogTimestamp, now, last) == last)
        {
            WebRtcLog.UnprotectFailed(Logger, peer.Id, isRtcp ? "SRTCP" : "SRTP", result);
        }
    }
}
