using System.Diagnostics.Metrics;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>Process-wide DTLS counters (meter "VanYen.Media.Dtls").</summary>
internal static class DtlsMetrics
{
    public const string MeterName = "VanYen.Media.Dtls";

    private static readonly Meter _meter = new(MeterName);

    /// <summary>Handshakes that ended, tagged with <c>outcome</c> ("connected" or a <see cref="DtlsCloseReason"/>).</summary>
    public static readonly Counter<long> Handshakes = _meter.CreateCounter<long>("vanyen.dtls.handshakes", unit: "{handshake}");

    /// <summary>Received datagrams dropped because the queue was full or they were too long.</summary>
    public static readonly Counter<long> DroppedDatagrams = _meter.CreateCounter<long>("vanyen.dtls.datagrams.dropped", unit: "{datagram}");
}
