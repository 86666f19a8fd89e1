namespace VanYen.Media.Server.Security;

/// <summary>The outcome of checking a password against a stored hash.</summary>
public enum PasswordVerification
{
    /// <summary>Wrong password, or a hash that is not well formed.</summary>
    Failed,

    /// <summary>Right password.</summary>
    Success,

    /// <summary>Right password, but the hash used fewer iterations than today's setting: store <c>Hash(password)</c> again.</summary>
    SuccessRehashNeeded,
}
