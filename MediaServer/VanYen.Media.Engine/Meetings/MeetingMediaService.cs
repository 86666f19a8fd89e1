using System.Net;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Rooms;

namespace VanYen.Media.Engine.Meetings;

/// <summary>
/// The meetings' audio bridges (<see cref="IMeetingMediaService"/>): one <see cref="IMeetingMedia"/> per open meeting,
/// each ticked by the shared 20 ms <see cref="MediaClock"/>; browsers join through the <see cref="RoomService"/>
/// (ICE, DTLS, SRTP on its socket), plain RTP participants on one UDP socket of their own
/// (<see cref="MeetingMediaOptions.RtpEndPoint"/>), told apart by their source address.
/// </summary>
public sealed class MeetingMediaService : IMeetingMediaService, IAsyncDisposable
{
    private readonly MediaClock _clock;
    private readonly MeetingMediaOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Dictionary<string, MeetingMedia> _meetings = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly MeetingRtpPort _rtpPort;
    private bool _disposed;

    /// <summary>Binds the plain RTP socket and starts <paramref name="clock"/> if needed.</summary>
    public MeetingMediaService(RoomService rooms, MediaClock clock, MeetingMediaOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate();
        Rooms = rooms;
        _clock = clock;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<MeetingMediaService>();
        _rtpPort = new MeetingRtpPort(options.RtpEndPoint, _logger);
        IPAddress bound = _rtpPort.LocalEndPoint.Address;
        AnnouncedAddress = options.AnnouncedAddress
            ?? (bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : bound);
        _clock.Start();
    }

    /// <summary>The plain RTP socket's local address and port.</summary>
    public IPEndPoint RtpEndPoint => _rtpPort.LocalEndPoint;

    /// <summary>Datagrams on the plain RTP socket from addresses no participant joined with (dropped).</summary>
    public long UnknownSourcePackets => _rtpPort.UnknownSourcePackets;

    internal IPAddress AnnouncedAddress { get; }

    internal RoomService Rooms { get; }

    internal MeetingRtpPort RtpPort => _rtpPort;

    /// <inheritdoc/>
    public IMeetingMedia Open(string meetingId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(meetingId);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_meetings.TryGetValue(meetingId, out MeetingMedia? meeting))
            {
                meeting = new MeetingMedia(this, meetingId, _options, _loggerFactory.CreateLogger<MeetingMedia>());
                _meetings.Add(meetingId, meeting);
                _clock.Add(meeting);
            }

            return meeting;
        }
    }

    /// <inheritdoc/>
    public bool TryGet(string meetingId, out IMeetingMedia media)
    {
        lock (_lock)
        {
            if (meetingId is not null && _meetings.TryGetValue(meetingId, out MeetingMedia? meeting))
            {
                media = meeting;
                return true;
            }
        }

        media = null!;
        return false;
    }

    /// <inheritdoc/>
    public async ValueTask CloseAsync(string meetingId)
    {
        MeetingMedia? meeting;
        lock (_lock)
        {
            if (meetingId is null || !_meetings.Remove(meetingId, out meeting))
            {
                return;
            }
        }

        _clock.Remove(meeting);
        await meeting.CloseAsync().ConfigureAwait(false);
    }

    /// <summary>Closes every meeting and the plain RTP socket.</summary>
    public async ValueTask DisposeAsync()
    {
        string[] ids;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            ids = [.. _meetings.Keys];
        }

        foreach (string id in ids)
        {
            MeetingMedia? meeting;
            lock (_lock)
            {
                _meetings.Remove(id, out meeting);
            }

            if (meeting is not null)
            {
                _clock.Remove(meeting);
                await meeting.CloseAsync().ConfigureAwait(false);
            }
        }

        await _rtpPort.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Ends a browser's session in the room service (fire and forget: it completes synchronously).</summary>
    internal void EndSession(string sessionId) => _ = Rooms.LeaveAsync(sessionId);
}
