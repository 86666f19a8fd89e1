using System.Net;
using Microsoft.Extensions.Logging;

namespace VanYen.Media.Engine.WebRtc.Ice;

// Session life events only: dropped datagrams are counted, never logged, so a flood cannot fill the logs.
public sealed partial class IceLiteAgent
{
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "ICE session {LocalUfrag} registered")]
        public static partial void SessionRegistered(ILogger logger, string localUfrag);

        [LoggerMessage(Level = LogLevel.Debug, Message = "ICE session {LocalUfrag} removed")]
        public static partial void SessionRemoved(ILogger logger, string localUfrag);

        [LoggerMessage(Level = LogLevel.Information, Message = "ICE session {LocalUfrag} connected from {RemoteEndPoint}")]
        public static partial void SessionConnected(ILogger logger, string localUfrag, IPEndPoint? remoteEndPoint);

        [LoggerMessage(Level = LogLevel.Information, Message = "ICE session {LocalUfrag} now sends to {Current} (before: {Previous})")]
        public static partial void SelectedAddressMoved(ILogger logger, string localUfrag, IPEndPoint? previous, IPEndPoint? current);

        [LoggerMessage(Level = LogLevel.Information, Message = "ICE session {LocalUfrag} expired: {Reason}")]
        public static partial void SessionExpired(ILogger logger, string localUfrag, IceSessionExpiryReason reason);
    }
}
