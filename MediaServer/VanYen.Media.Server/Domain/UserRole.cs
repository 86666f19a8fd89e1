namespace VanYen.Media.Server.Domain;

/// <summary>What a user may do inside their scope.</summary>
public enum UserRole
{
    /// <summary>Sees clusters, programs and the log; changes nothing.</summary>
    Viewer,

    /// <summary>Broadcasts to, schedules for and cancels programs on clusters in scope.</summary>
    Announcer,

    /// <summary>Approves or rejects bulletins waiting for approval in scope.</summary>
    Approver,

    /// <summary>Everything, including managing users, areas, clusters and receivers in scope.</summary>
    Admin,
}
