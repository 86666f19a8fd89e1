using VanYen.Media.Engine.Rtcp;

namespace VanYen.Media.Engine.Forwarding;

/// <summary>
/// Turns one participant's running totals into <see cref="CallQuality"/>: bitrates and upstream loss over the last
/// completed window (at least <see cref="ForwardingOptions.QualityWindow"/>), jitter and downstream loss from the
/// latest RTCP (our statistics of its streams; its report blocks about ours), RTT from LSR/DLSR.
/// </summary>
internal sealed class QualitySampler
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private long _sampleTimestamp;
    private long _sampleBytesIn;
    private long _sampleBytesOut;
    private long _sampleExpected;
    private long _sampleReceived;
    private double _upstreamBitrate;
    private double _downstreamBitrate;
    private double _upstreamLoss;

    public QualitySampler(ForwardingOptions options)
    {
        _time = options.TimeProvider;
        _window = options.QualityWindow;
        _sampleTimestamp = _time.GetTimestamp();
    }

    public CallQuality Measure(ForwardingParticipant participant)
    {
        long expected = 0;
        long received = 0;
        double upstreamJitterMs = 0;
        foreach (PublishedStream stream in (ReadOnlySpan<PublishedStream>)[participant.Audio, participant.Video])
        {
            if (stream.Ssrc != 0 && participant.Peer.TryGetReceiveStatistics(stream.Ssrc, out long streamExpected, out long streamReceived, out double jitterSeconds))
            {
                expected += streamExpected;
                received += streamReceived;
                upstreamJitterMs = Math.Max(upstreamJitterMs, jitterSeconds * 1000);
            }
        }

        double downstreamLoss = 0;
        double downstreamJitterMs = 0;
        foreach (SubscriberSlot slot in participant.Slots)
        {
            foreach (SubscriberStream stream in (ReadOnlySpan<SubscriberStream>)[slot.Audio, slot.Video])
            {
                if (participant.Peer.TryGetRemoteReport(stream.Ssrc, out RtcpReportBlock report))
                {
                    downstreamLoss = Math.Max(downstreamLoss, CallQualityMath.FromFractionLost(report.FractionLost));
                    downstreamJitterMs = Math.Max(downstreamJitterMs, CallQualityMath.JitterMilliseconds(report.Jitter, stream.ClockRate));
                }
            }
        }

        long bytesIn = participant.BytesIn;
        long bytesOut = participant.BytesOut;
        lock (_lock)
        {
            long now = _time.GetTimestamp();
            TimeSpan elapsed = _time.GetElapsedTime(_sampleTimestamp, now);
            if (elapsed >= _window)
            {
                _upstreamBitrate = CallQualityMath.BitsPerSecond(bytesIn - _sampleBytesIn, elapsed);
                _downstreamBitrate = CallQualityMath.BitsPerSecond(bytesOut - _sampleBytesOut, elapsed);
                _upstreamLoss = CallQualityMath.LossFraction(expected - _sampleExpected, received - _sampleReceived);
                _sampleTimestamp = now;
                _sampleBytesIn = bytesIn;
                _sampleBytesOut = bytesOut;
                _sampleExpected = expected;
                _sampleReceived = received;
            }

            return new CallQuality(
                new LinkQuality(_upstreamBitrate, _upstreamLoss, upstreamJitterMs, participant.PacketsIn),
                new LinkQuality(_downstreamBitrate, downstreamLoss, downstreamJitterMs, participant.PacketsOut),
                participant.Peer.RoundTripTime?.TotalMilliseconds);
        }
    }
}
