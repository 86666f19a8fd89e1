namespace VanYen.Media.Server.Consultations;

/// <summary>Reason codes of consultation refusals (REST problem details and hub errors).</summary>
public static class ConsultationErrors
{
    public const string NotFound = "consultation-not-found";
    public const string NotDoctor = "not-doctor";
    public const string NotSignedIn = "not-signed-in";
    public const string BadToken = "bad-token";
    public const string NameRequired = "name-required";
    public const string CallFull = "call-full";
    public const string NotJoined = "not-joined";
    public const string NotAdmitted = "not-admitted";
    public const string NotWaiting = "not-waiting";
    public const string UnknownParticipant = "unknown-participant";
    public const string BadRole = "bad-role";
    public const string TooManyLinks = "too-many-links";
    public const string TooManyOpen = "too-many-open";
    public const string MediaRefused = "media-refused";
    public const string MediaUnavailable = "media-unavailable";
    public const string BadCount = "bad-count";
}
