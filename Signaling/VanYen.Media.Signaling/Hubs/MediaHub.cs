using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Signaling.Contracts;

namespace VanYen.Media.Signaling.Hubs;

/// <summary>
/// WebRTC signaling for the echo and relay rooms (mapped at <see cref="Path"/>). One SignalR connection
/// is one media session: its connection id is the session id, and closing the connection leaves the room.
/// Bad requests fail with a <see cref="HubException"/> whose message names what is wrong.
/// </summary>
public sealed partial class MediaHub(IRoomService rooms, ILogger<MediaHub> logger) : Hub
{
    /// <summary>Where the host maps the hub.</summary>
    public const string Path = "/hubs/media";

    /// <summary>The client method the server calls, with a <see cref="SessionClosedMessage"/>, when it ends a session.</summary>
    public const string SessionClosedMethod = "SessionClosed";

    /// <summary>Joins a room; the session id is this connection's id.</summary>
    public async Task<JoinRoomResponse> JoinRoom(JoinRoomRequest request)
    {
        var join = MediaHubValidation.ToRoomJoinRequest(Context.ConnectionId, request);
        var result = await CallRoomsAsync(nameof(JoinRoom), () => rooms.JoinAsync(join, Context.ConnectionAborted));
        LogJoined(logger, join.SessionId, join.Kind, join.RoomId, join.Role);
        return new JoinRoomResponse(result.SessionId, result.Sdp, result.IsOffer);
    }

    /// <summary>Answers a new offer from this session's browser (e.g. after it added a track).</summary>
    public Task<string> Renegotiate(string offerSdp)
    {
        MediaHubValidation.ValidateSdp(offerSdp, nameof(offerSdp));
        return CallRoomsAsync(nameof(Renegotiate), () => rooms.RenegotiateAsync(Context.ConnectionId, offerSdp, Context.ConnectionAborted));
    }

    /// <summary>Gives the server the browser's answer to the offer returned by <see cref="JoinRoom"/>.</summary>
    public Task SendAnswer(string answerSdp)
    {
        MediaHubValidation.ValidateSdp(answerSdp, nameof(answerSdp));
        return CallRoomsAsync(nameof(SendAnswer), async () =>
        {
            await rooms.AcceptAnswerAsync(Context.ConnectionId, answerSdp, Context.ConnectionAborted);
            return true;
        });
    }

    /// <summary>Leaves the room; the connection stays open and may join again.</summary>
    public Task LeaveRoom() => CallRoomsAsync(nameof(LeaveRoom), async () =>
    {
        await rooms.LeaveAsync(Context.ConnectionId);
        return true;
    });

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        try
        {
            await rooms.LeaveAsync(Context.ConnectionId);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogLeaveFailed(logger, failure, Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private async Task<T> CallRoomsAsync<T>(string method, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RoomException refused)
        {
            throw new HubException(refused.Message, refused);
        }
        catch (OperationCanceledException) when (Context.ConnectionAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception failure)
        {
            LogMethodFailed(logger, failure, method, Context.ConnectionId);

            // Internal details stay in the server's log; the client gets a reason it can report.
            throw new HubException($"The server failed to handle {method}; the error is in its log.", failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} joined {Kind} room '{RoomId}' as {Role}")]
    private static partial void LogJoined(ILogger logger, string sessionId, RoomKind kind, string roomId, RoomRole role);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed for session {SessionId}")]
    private static partial void LogMethodFailed(ILogger logger, Exception exception, string method, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leaving the room failed for disconnected session {SessionId}")]
    private static partial void LogLeaveFailed(ILogger logger, Exception exception, string sessionId);
}
