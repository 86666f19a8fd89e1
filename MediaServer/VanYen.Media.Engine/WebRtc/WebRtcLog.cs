using System.Net;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.WebRtc;

/// <summary>Log lines of the WebRTC glue (never per packet; failures at most once a second).</summary>
internal static partial class WebRtcLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "WebRTC peer {PeerId} connected from {RemoteEndPoint} with {SrtpProfile}")]
    public static partial void PeerConnected(ILogger logger, string peerId, IPEndPoint? remoteEndPoint, string srtpProfile);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "WebRTC peer {PeerId} closed: {Reason}")]
    public static partial void PeerClosed(ILogger logger, string peerId, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "WebRTC peer {PeerId}: {Protocol} packet dropped ({Result}); further drops this second are only counted")]
    public static partial void UnprotectFailed(ILogger logger, string peerId, string protocol, SrtpUnprotectResult result);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "WebRTC maintenance (ICE expiry, RTCP reports) failed")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);
}
