using System.Diagnostics.Metrics;

namespace VanYen.Media.Engine.Net;

/// <summary>
/// The "VanYen.Media.Net" meter and its observable counters, which read every live
/// <see cref="MediaSocketCounters"/> when a listener collects, tagged <c>socket</c> (and
/// <c>reason</c> for drops). Nothing runs per packet; allocation happens only at collection.
/// </summary>
internal static class MediaSocketMetrics
{
    private const string SocketTag = "socket";
    private const string ReasonTag = "reason";

    private static readonly Lock _gate = new();
    private static readonly List<MediaSocketCounters> _live = [];
    private static readonly Meter _meter = CreateMeter();

    internal static Meter Meter => _meter;

    internal static void Register(MediaSocketCounters counters)
    {
        lock (_gate)
        {
            _live.Add(counters);
        }
    }

    internal static void Unregister(MediaSocketCounters counters)
    {
        lock (_gate)
        {
            _live.Remove(counters);
        }
    }

    private static Meter CreateMeter()
    {
        var meter = new Meter(MediaSocketCounters.MeterName);
        meter.CreateObservableCounter("vanyen.media.net.received.packets", () => Observe(static c => c.PacketsReceived), "{packet}", "Datagrams read from media sockets.");
        meter.CreateObservableCounter("vanyen.media.net.received.bytes", () => Observe(static c => c.BytesReceived), "By", "Bytes of datagrams read from media sockets.");
        meter.CreateObservableCounter("vanyen.media.net.sent.packets", () => Observe(static c => c.PacketsSent), "{packet}", "Datagrams sent from media sockets.");
        meter.CreateObservableCounter("vanyen.media.net.sent.bytes", () => Observe(static c => c.BytesSent), "By", "Bytes of datagrams sent from media sockets.");
        meter.CreateObservableCounter("vanyen.media.net.dropped.packets", ObserveDrops, "{packet}", "Datagrams received and dropped, by reason.");
        meter.CreateObservableCounter("vanyen.media.net.handler.errors", () => Observe(static c => c.HandlerErrors), "{error}", "Exceptions thrown by datagram handlers.");
        meter.CreateObservableCounter("vanyen.media.net.receive.errors", () => Observe(static c => c.ReceiveErrors), "{error}", "Transient receive errors on media sockets.");
        meter.CreateObservableCounter("vanyen.media.net.send.errors", () => Observe(static c => c.SendErrors), "{error}", "Datagrams that could not be sent.");
        return meter;
    }

    private static MediaSocketCounters[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _live];
        }
    }

    private static List<Measurement<long>> Observe(Func<MediaSocketCounters, long> read)
    {
        MediaSocketCounters[] sockets = Snapshot();
        var measurements = new List<Measurement<long>>(sockets.Length);
        foreach (MediaSocketCounters counters in sockets)
        {
            measurements.Add(new Measurement<long>(read(counters), new KeyValuePair<string, object?>(SocketTag, counters.Name)));
        }

        return measurements;
    }

    private static List<Measurement<long>> ObserveDrops()
    {
        MediaSocketCounters[] sockets = Snapshot();
        var measurements = new List<Measurement<long>>(sockets.Length * 4);
        foreach (MediaSocketCounters counters in sockets)
        {
            measurements.Add(Drop(counters, "malformed", counters.DroppedMalformed));
            measurements.Add(Drop(counters, "unknown_peer", counters.DroppedUnknownPeer));
            measurements.Add(Drop(counters, "pool_exhausted", counters.DroppedPoolExhausted));
            measurements.Add(Drop(counters, "oversize", counters.DroppedOversize));
        }

        return measurements;
    }

    private static Measurement<long> Drop(MediaSocketCounters counters, string reason, long value) =>
        new(value, new KeyValuePair<string, object?>(SocketTag, counters.Name), new KeyValuePair<string, object?>(ReasonTag, reason));
}
