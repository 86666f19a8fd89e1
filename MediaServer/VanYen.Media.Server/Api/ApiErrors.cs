namespace VanYen.Media.Server.Api;

/// <summary>Reason codes the API layer itself gives (the domain's are in <c>Domain.DomainErrors</c>).</summary>
public static class ApiErrors
{
    public const string BadRequest = "bad-request";
    public const string RequestTooLarge = "request-too-large";
    public const string MissingCredentials = "missing-credentials";
    public const string EmptyText = "empty-text";
    public const string TextTooLong = "text-too-long";
    public const string UnknownVoice = "unknown-voice";
    public const string RateOutOfRange = "rate-out-of-range";
    public const string PitchOutOfRange = "pitch-out-of-range";
    public const string SpeechFailed = "speech-failed";
    public const string OutsideScope = "outside-scope";
    public const string RoleNotAllowed = "role-not-allowed";
    public const string RoleAboveCaller = "role-above-caller";
    public const string CannotDeleteSelf = "cannot-delete-self";
    public const string WeakPassword = "weak-password";
    public const string MultipartRequired = "multipart-required";
    public const string MissingFile = "missing-file";
    public const string ParentRequired = "parent-required";
    public const string InvalidPage = "invalid-page";
    public const string InvalidClusterList = "invalid-cluster-list";
}
