using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Engine.Delivery.Devices;

// What the device port accepted and dropped, per reason; published on the "VanYen.Media.Devices" meter.
public sealed partial class DeviceMediaEndpoint
{
    /// <summary>The meter the device media path publishes on.</summary>
    public const string MeterName = "VanYen.Media.Devices";

    private static readonly Meter _meter = new(MeterName);
    private static readonly Counter<long> _droppedCounter = _meter.CreateCounter<long>(
        "vanyen.devices.dropped", unit: "{packet}", description: "Datagrams the device media port dropped, by reason");

    private static readonly string[] _dropReasonNames =
    [
        "malformed-keepalive",
        "unauthenticated-keepalive",
        "unknown-source",
        "report-authentication",
        "report-replay",
        "malformed-report",
        "unknown-rtp",
        "other-protocol",
    ];

    private readonly long[] _drops = new long[_dropReasonNames.Length];
    private long _keepalivesAccepted;
    private long _reportsAccepted;
    private long _protectFailures;

    private enum DropReason
    {
        MalformedKeepalive,
        UnauthenticatedKeepalive,
        UnknownSource,
        ReportAuthentication,
        ReportReplay,
        MalformedReport,
        UnknownRtp,
        OtherProtocol,
    }

    /// <summary>Keepalives that authenticated and were answered.</summary>
    public long KeepalivesAccepted => Interlocked.Read(ref _keepalivesAccepted);

    /// <summary>SRTCP reports from devices that authenticated.</summary>
    public long ReportsAccepted => Interlocked.Read(ref _reportsAccepted);

    /// <summary>STUN datagrams that are not a well-formed Binding request with USERNAME, MESSAGE-INTEGRITY and a valid FINGERPRINT.</summary>
    public long DroppedMalformedKeepalives => Interlocked.Read(ref _drops[(int)DropReason.MalformedKeepalive]);

    /// <summary>Keepalives naming an unregistered device or whose MESSAGE-INTEGRITY does not verify with its key.</summary>
    public long DroppedUnauthenticatedKeepalives => Interlocked.Read(ref _drops[(int)DropReason.UnauthenticatedKeepalive]);

    /// <summary>SRTCP from an address no authenticated keepalive came from.</summary>
    public long DroppedUnknownSource => Interlocked.Read(ref _drops[(int)DropReason.UnknownSource]);

    /// <summary>SRTCP whose authentication tag did not verify with the device's key.</summary>
    public long DroppedReportAuthentication => Interlocked.Read(ref _drops[(int)DropReason.ReportAuthentication]);

    /// <summary>SRTCP replays and reports too old for the replay window.</summary>
    public long DroppedReportReplays => Interlocked.Read(ref _drops[(int)DropReason.ReportReplay]);

    /// <summary>SRTCP too short or of too many SSRCs.</summary>
    public long DroppedMalformedReports => Interlocked.Read(ref _drops[(int)DropReason.MalformedReport]);

    /// <summary>Plain RTP that no open ingest (or allowed source) wanted.</summary>
    public long DroppedUnknownRtp => Interlocked.Read(ref _drops[(int)DropReason.UnknownRtp]);

    /// <summary>DTLS, ZRTP, TURN and unclassified datagrams.</summary>
    public long DroppedOtherProtocols => Interlocked.Read(ref _drops[(int)DropReason.OtherProtocol]);

    /// <summary>Cluster packets SRTP refused to protect (malformed, or the rollover counter ran out).</summary>
    public long ProtectFailures => Interlocked.Read(ref _protectFailures);

    internal void CountProtectFailure() => Interlocked.Increment(ref _protectFailures);

    private void Drop(ReceivedDatagram datagram, DropReason reason)
    {
        Interlocked.Increment(ref _drops[(int)reason]);
        string name = _dropReasonNames[(int)reason];
        _droppedCounter.Add(1, new KeyValuePair<string, object?>("reason", name));
        datagram.Transport.Counters.AddDroppedUnknownPeer();
        LogDropped(_logger, name, datagram.Remote);
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Debug, Message = "Device port dropped a datagram ({Reason}) from {Remote}")]
    private static partial void LogDropped(ILogger logger, string reason, SocketAddress remote);
}
