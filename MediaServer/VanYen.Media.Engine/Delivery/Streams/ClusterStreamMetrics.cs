using System.Diagnostics.Metrics;

namespace VanYen.Media.Engine.Delivery.Streams;

/// <summary>The "VanYen.Media.Streams" meter: HTTP listeners of cluster streams.</summary>
internal static class ClusterStreamMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "VanYen.Media.Streams";

    private static readonly Meter _meter = new(MeterName);

    private static readonly Counter<long> _dropped = _meter.CreateCounter<long>(
        "vanyen.streams.listeners_dropped", unit: "{listener}", description: "HTTP stream listeners dropped for falling more than the allowed lag behind the live program");

    private static readonly UpDownCounter<long> _listeners = _meter.CreateUpDownCounter<long>(
        "vanyen.streams.listeners", unit: "{listener}", description: "HTTP stream listeners connected");

    private static readonly Counter<long> _encoderStarts = _meter.CreateCounter<long>(
        "vanyen.streams.mp3_encoder_starts", unit: "{process}", description: "ffmpeg MP3 encoder processes started (one per cluster with listeners)");

    public static void ListenerDropped(string format) => _dropped.Add(1, new KeyValuePair<string, object?>("format", format));

    public static void ListenerJoined(string format) => _listeners.Add(1, new KeyValuePair<string, object?>("format", format));

    public static void ListenerLeft(string format) => _listeners.Add(-1, new KeyValuePair<string, object?>("format", format));

    public static void EncoderStarted() => _encoderStarts.Add(1);
}
