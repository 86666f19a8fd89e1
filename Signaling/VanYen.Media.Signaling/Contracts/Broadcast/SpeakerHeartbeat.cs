namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>
/// What a speaker page (a Browser receiver connected with <c>?receiverToken=</c>) reports every few seconds on the
/// broadcast hub (<c>SpeakerHeartbeat</c>): the same health a hardware device's heartbeat and RTCP reports give.
/// </summary>
/// <param name="PlayingBroadcastId">The broadcast it hears now (audio arriving on its listening session), or null when idle.</param>
/// <param name="PacketsReceived">Its WebRTC inbound-rtp <c>packetsReceived</c> (cumulative, for the current listening session).</param>
/// <param name="PacketsLost">Its inbound-rtp <c>packetsLost</c> (cumulative; negative when duplicates arrived, RFC 3550 §6.4.1).</param>
/// <param name="JitterMilliseconds">Its inbound-rtp <c>jitter</c>, in milliseconds; null before media.</param>
public sealed record SpeakerHeartbeat(string? PlayingBroadcastId, long PacketsReceived, long PacketsLost, double? JitterMilliseconds)
{
    /// <summary>The longest broadcast id accepted.</summary>
    public const int MaxBroadcastIdLength = 200;

    /// <summary>The largest jitter accepted (a minute: anything above is not a measurement).</summary>
    public const double MaxJitterMilliseconds = 60_000;
}
