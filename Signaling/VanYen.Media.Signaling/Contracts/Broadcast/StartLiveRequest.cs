namespace VanYen.Media.Signaling.Contracts.Broadcast;

/// <summary>An announcer starts speaking live from the browser.</summary>
/// <param name="Title">Shown on the consoles and in the audit log.</param>
/// <param name="ClusterIds">Target clusters (may be empty when <paramref name="AreaIds"/> is not).</param>
/// <param name="AreaIds">Target area nodes (all their clusters).</param>
/// <param name="OfferSdp">The browser's SDP offer with its microphone track (sendonly or sendrecv).</param>
public sealed record StartLiveRequest(string Title, IReadOnlyList<long>? ClusterIds, IReadOnlyList<long>? AreaIds, string OfferSdp);
