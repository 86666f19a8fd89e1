namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>POST /api/broadcasts/{id}/cancel</c> (optional): the clusters to stop it on; none = everywhere.</summary>
public sealed record CancelBroadcastRequest(IReadOnlyList<long>? ClusterIds = null);
