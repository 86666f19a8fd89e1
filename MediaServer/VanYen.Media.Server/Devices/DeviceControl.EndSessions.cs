using System.Collections.Concurrent;
using System.Globalization;

namespace VanYen.Media.Server.Devices;

public sealed partial class DeviceControl
{
    // One source per receiver that has had an HTTP stream; replaced once cancelled, so later streams run again.
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _sessionsEnded = new();

    /// <inheritdoc />
    public CancellationToken GetSessionsEnded(long receiverId) =>
        _sessionsEnded.GetOrAdd(receiverId, _ => new CancellationTokenSource()).Token;

    /// <inheritdoc />
    public int EndSessions(long receiverId, bool forgetHealth)
    {
        // The token first, so a connection that closes now cannot come back with it; then the media, so the next tick
        // sends nothing more to the device's address.
        tokens.Revoke(receiverId);
        media.Unregister(receiverId.ToString(CultureInfo.InvariantCulture));

        Action[] aborts = [];
        if (forgetHealth ? _devices.TryRemove(receiverId, out DeviceState? device) : _devices.TryGetValue(receiverId, out device))
        {
            lock (device.Sync)
            {
                aborts = [.. device.Connections.Values];
            }
        }

        if (_sessionsEnded.TryRemove(receiverId, out CancellationTokenSource? ended))
        {
            // Not disposed: a stream that read the token just before may still link to it (a cancelled token links fine).
            ended.Cancel();
        }

        foreach (Action abort in aborts)
        {
            abort();
        }

        LogSessionsEnded(logger, receiverId, aborts.Length, forgetHealth);
        return aborts.Length;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Receiver {ReceiverId}: token revoked, media stopped, {Connections} connection(s) closed, HTTP streams ended (health forgotten: {Forgotten})")]
    private static partial void LogSessionsEnded(ILogger logger, long receiverId, int connections, bool forgotten);
}
