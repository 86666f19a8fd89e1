namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>An announcer starts speaking live from the browser.</summary>
/// <param name="Title">Shown on the consoles and in the audit log.</param>
/// <param name="ClusterIds">Target clusters (may be empty when <paramref name="AreaIds"/> is not).</param>
/// <param name="AreaIds">Target area nodes (all their clusters).</param>
/// <param name="OfferSdp">The browser's SDP offer with its microphone track (sendonly or sendrecv).</param>
/// <param name="Level">
/// <c>normal</c> (the default when null), <c>priority</c> or <c>emergency</c>, as for a bulletin: an emergency follows
/// the emergency rules (no approval, a chime first, over everything in its scope, the banner); normal and priority
/// voice both air at live priority. Anything else is refused with 400.
/// </param>
public sealed record StartLiveRequest(string Title, IReadOnlyList<long>? ClusterIds, IReadOnlyList<long>? AreaIds, string OfferSdp, string? Level = null)
{
    /// <summary>The <see cref="Level"/> of an ordinary live voice.</summary>
    public const string NormalLevel = "normal";

    /// <summary>The <see cref="Level"/> of a priority live voice.</summary>
    public const string PriorityLevel = "priority";

    /// <summary>The <see cref="Level"/> of a live emergency (phát tin khẩn cấp bằng giọng nói trực tiếp).</summary>
    public const string EmergencyLevel = "emergency";
}
