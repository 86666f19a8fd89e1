namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>Why a call ended.</summary>
public static class CallEndReasons
{
    /// <summary>The doctor hung up (or ended it from the API).</summary>
    public const string DoctorEnded = "doctor-ended";

    /// <summary>The doctor's page went away and did not come back in time.</summary>
    public const string DoctorLeft = "doctor-left";

    /// <summary>The consultation reached its longest duration.</summary>
    public const string Expired = "expired";

    /// <summary>Nobody was connected for the idle timeout.</summary>
    public const string Idle = "idle";

    /// <summary>The same link joined from another page, which took over.</summary>
    public const string Replaced = "replaced";
}
