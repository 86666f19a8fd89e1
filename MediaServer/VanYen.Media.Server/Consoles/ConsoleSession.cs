using VanYen.Media.Engine.Sources.Live;

namespace VanYen.Media.Server.Consoles;

/// <summary>One WebRTC session opened through the broadcast hub: a live microphone or a cluster listener.</summary>
internal sealed class ConsoleSession(string sessionId, string connectionId, WebRtcLiveSource? liveSource, string? broadcastId, IDisposable? attachment)
{
    public string SessionId { get; } = sessionId;

    public string ConnectionId { get; } = connectionId;

    /// <summary>The microphone source of a live broadcast, or null.</summary>
    public WebRtcLiveSource? LiveSource { get; } = liveSource;

    /// <summary>The live broadcast's id, or null.</summary>
    public string? BroadcastId { get; } = broadcastId;

    /// <summary>A listener's attachment to its cluster's channel, or null.</summary>
    public IDisposable? Attachment { get; } = attachment;

    /// <summary>Stops routing media: the listener leaves its cluster, the live source ends (and so its program).</summary>
    public void Release()
    {
        Attachment?.Dispose();
        LiveSource?.Complete();
    }
}
