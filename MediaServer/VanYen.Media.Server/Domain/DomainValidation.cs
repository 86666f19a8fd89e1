using System.Text.RegularExpressions;

namespace VanYen.Media.Server.Domain;

/// <summary>Input checks shared by every repository implementation, so SQLite and PostgreSQL refuse the same things.</summary>
public static partial class DomainValidation
{
    /// <summary>Longest name or location accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Trims a display name and checks it is 1–200 characters.</summary>
    /// <exception cref="DomainValidationException">Empty or too long.</exception>
    public static string Name(string? name, string what)
    {
        string trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.Length > MaxNameLength)
        {
            throw new DomainValidationException(DomainErrors.InvalidName, $"The {what} must be 1 to {MaxNameLength} characters.");
        }

        return trimmed;
    }

    /// <summary>Lower-cases a username and checks its form.</summary>
    /// <exception cref="DomainValidationException">Not 2–32 of a–z, 0–9, '.', '-', '_' starting with a letter or digit.</exception>
    public static string Username(string? username)
    {
        string normalized = username?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!UsernamePattern().IsMatch(normalized))
        {
            throw new DomainValidationException(
                DomainErrors.InvalidUsername,
                $"The username '{username}' is not valid: use 2 to 32 of a-z, 0-9, '.', '-', '_', starting with a letter or digit.");
        }

        return normalized;
    }

    /// <summary>Checks a volume is 0–100.</summary>
    public static int Volume(int volume)
    {
        if (volume is < 0 or > 100)
        {
            throw new DomainValidationException(DomainErrors.VolumeOutOfRange, $"The volume {volume} is outside 0 to 100.");
        }

        return volume;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
