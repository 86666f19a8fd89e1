namespace VanYen.Media.Signaling.Contracts.Consultations;

/// <summary>Who a participant is in the call.</summary>
public static class ConsultRoles
{
    /// <summary>The doctor who opened the consultation.</summary>
    public const string Doctor = "doctor";

    /// <summary>The patient (the first link).</summary>
    public const string Patient = "patient";

    /// <summary>A family member.</summary>
    public const string Family = "family";

    /// <summary>An interpreter.</summary>
    public const string Interpreter = "interpreter";

    /// <summary>Whether <paramref name="role"/> is one a doctor may give a guest link.</summary>
    public static bool IsGuestRole(string? role) => role is Patient or Family or Interpreter;
}
