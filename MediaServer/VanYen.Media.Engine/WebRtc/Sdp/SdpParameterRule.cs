namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>
/// A format parameter a codec requires in the offer, e.g. H.264 "packetization-mode" ∈ {1}.
/// A missing parameter does not match (for H.264 a missing packetization-mode means mode 0, RFC 6184 §8.1).
/// </summary>
/// <param name="Name">The fmtp parameter name.</param>
/// <param name="AllowedValues">The accepted values (compared case-insensitively).</param>
public sealed record SdpParameterRule(string Name, IReadOnlyList<string> AllowedValues)
{
    /// <summary>True when <paramref name="parameters"/> has this parameter with an allowed value.</summary>
    public bool IsSatisfiedBy(IReadOnlyList<SdpFmtpParameter> parameters)
    {
        string? value = SdpFmtp.FindValue(parameters, Name);
        if (value is null)
        {
            return false;
        }

        foreach (string allowed in AllowedValues)
        {
            if (string.Equals(allowed, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
