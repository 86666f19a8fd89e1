namespace VanYen.Media.Server.Api;

/// <summary>Body of <c>POST /api/clusters/cancel</c> (huỷ tin đang phát): stop what plays on these clusters.</summary>
public sealed record CancelClustersRequest(IReadOnlyList<long> ClusterIds);
