using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Rooms;

namespace VanYen.Media.Engine.Forwarding;

/// <summary>
/// The teleconsultation SFU: one <see cref="IForwardingRoom"/> per call, each participant a session of the
/// <see cref="RoomService"/> (ICE, DTLS, SRTP) answered with the <see cref="ForwardingLayout"/>.
/// </summary>
public sealed class ForwardingService : IForwardingService, IAsyncDisposable
{
    private readonly RoomService _rooms;
    private readonly ForwardingOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ForwardingRoom> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ForwardingRoom> _roomBySession = new(StringComparer.Ordinal);
    private readonly Lock _openLock = new();

    /// <summary>Creates the service on <paramref name="rooms"/>' WebRTC endpoint.</summary>
    public ForwardingService(RoomService rooms, ForwardingOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _rooms = rooms;
        _options = options;
        _logger = loggerFactory.CreateLogger<ForwardingService>();
        _rooms.SessionClosed += OnSessionClosed;
    }

    /// <inheritdoc/>
    public IForwardingRoom Open(string roomId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomId);
        lock (_openLock)
        {
            if (!_open.TryGetValue(roomId, out ForwardingRoom? room))
            {
                room = new ForwardingRoom(roomId, _rooms, _options, _logger, RegisterSession);
                _open[roomId] = room;
            }

            return room;
        }
    }

    /// <inheritdoc/>
    public bool TryGet(string roomId, out IForwardingRoom room)
    {
        if (roomId is not null && _open.TryGetValue(roomId, out ForwardingRoom? found))
        {
            room = found;
            return true;
        }

        room = null!;
        return false;
    }

    /// <inheritdoc/>
    public async ValueTask CloseAsync(string roomId)
    {
        ForwardingRoom? room;
        lock (_openLock)
        {
            if (roomId is null || !_open.TryRemove(roomId, out room))
            {
                return;
            }
        }

        await room.CloseAsync().ConfigureAwait(false);
    }

    /// <summary>Closes every room.</summary>
    public async ValueTask DisposeAsync()
    {
        _rooms.SessionClosed -= OnSessionClosed;
        foreach (string roomId in _open.Keys)
        {
            await CloseAsync(roomId).ConfigureAwait(false);
        }
    }

    private void RegisterSession(string sessionId, ForwardingRoom? room)
    {
        if (room is null)
        {
            _roomBySession.TryRemove(sessionId, out _);
        }
        else
        {
            _roomBySession[sessionId] = room;
        }
    }

    private void OnSessionClosed(object? sender, RoomSessionClosedEventArgs e)
    {
        if (_roomBySession.TryGetValue(e.SessionId, out ForwardingRoom? room))
        {
            room.OnSessionClosed(e.SessionId, e.Reason);
        }
    }
}
