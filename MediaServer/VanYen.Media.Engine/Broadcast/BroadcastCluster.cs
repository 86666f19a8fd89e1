namespace VanYen.Media.Engine.Broadcast;

/// <summary>The engine's view of one cluster: its output channel and the program that holds it.</summary>
internal sealed class BroadcastCluster(long id, ClusterChannel channel)
{
    private volatile BroadcastProgram? _holder;

    public long Id { get; } = id;

    public ClusterChannel Channel { get; } = channel;

    /// <summary>The program heard on the cluster; written on the clock's thread, read from any.</summary>
    public BroadcastProgram? Holder
    {
        get => _holder;
        set => _holder = value;
    }
}
