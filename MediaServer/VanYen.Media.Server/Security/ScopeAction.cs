namespace VanYen.Media.Server.Security;

/// <summary>What a user wants to do to an area or a cluster.</summary>
public enum ScopeAction
{
    /// <summary>See clusters, programs, receivers and the audit log.</summary>
    View,

    /// <summary>Start, schedule or cancel a program (live, TTS, file, relay, emergency).</summary>
    Broadcast,

    /// <summary>Approve or reject a bulletin waiting for approval.</summary>
    Approve,

    /// <summary>Add, change or remove users, areas, clusters and receivers.</summary>
    Manage,
}
