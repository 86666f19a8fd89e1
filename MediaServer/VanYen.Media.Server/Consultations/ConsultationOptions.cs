using System.ComponentModel.DataAnnotations;

namespace VanYen.Media.Server.Consultations;

/// <summary>Teleconsultation limits, from the <c>VanYen:Consultations</c> configuration section.</summary>
public sealed class ConsultationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "VanYen:Consultations";

    /// <summary>A consultation ends this long after it was opened, whatever happens.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A consultation nobody is connected to ends after this long (counted from its opening before anyone came).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the doctor's page may be away (a network drop) before the call ends for everyone.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DoctorReconnectGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the doctor is sent the call quality.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:01:00")]
    public TimeSpan QualityInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Guest links a doctor may hand out per consultation (more than the seats, so a lost link can be replaced).</summary>
    [Range(1, 20)]
    public int MaxGuestLinks { get; set; } = 8;

    /// <summary>Consultations open at once on this server.</summary>
    [Range(1, 10_000)]
    public int MaxOpen { get; set; } = 200;

    /// <summary>
    /// Maps <c>POST /api/consultations/{id}/fault-injection/drop-video</c> (tests and field diagnosis: drop the next
    /// video packets to a participant so NACK and PLI can be watched). Off unless configured.
    /// </summary>
    public bool EnableFaultInjection { get; set; }
}
