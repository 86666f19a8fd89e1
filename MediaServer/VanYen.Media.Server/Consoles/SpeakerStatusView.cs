namespace VanYen.Media.Server.Consoles;

/// <summary>What a speaker page needs: which cluster to listen to, and what it plays now.</summary>
/// <param name="ReceiverId">The Browser receiver the token belongs to.</param>
/// <param name="ReceiverName">Its name.</param>
/// <param name="ClusterId">Its cluster (pass it to the broadcast hub's <c>Listen</c>).</param>
/// <param name="ClusterName">The cluster's name.</param>
/// <param name="NowPlaying">The broadcast on air there, or null when the cluster is idle.</param>
public sealed record SpeakerStatusView(long ReceiverId, string ReceiverName, long ClusterId, string ClusterName, SpeakerProgramView? NowPlaying);
