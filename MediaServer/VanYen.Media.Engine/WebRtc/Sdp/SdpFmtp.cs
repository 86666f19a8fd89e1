namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>An a=fmtp line (RFC 8866 §6.15): format parameters of one payload type, in order.</summary>
/// <param name="PayloadType">The RTP payload type.</param>
/// <param name="Parameters">The ';'-separated parameters, in order.</param>
public sealed record SdpFmtp(int PayloadType, IReadOnlyList<SdpFmtpParameter> Parameters)
{
    /// <summary>The value of the first parameter named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? GetValue(string name) => FindValue(Parameters, name);

    /// <summary>The value of the first parameter named <paramref name="name"/> (case-insensitive) in a list, or null.</summary>
    public static string? FindValue(IReadOnlyList<SdpFmtpParameter> parameters, string name)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var parameter in parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Value;
            }
        }

        return null;
    }

    /// <summary>The value after "a=fmtp:pt ", e.g. "minptime=10;useinbandfec=1".</summary>
    public string FormatParameters() => Format(Parameters);

    /// <summary>Joins parameters with ';'.</summary>
    public static string Format(IReadOnlyList<SdpFmtpParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var parts = new string[parameters.Count];
        for (int i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            parts[i] = parameter.Value is null ? parameter.Name : parameter.Name + "=" + parameter.Value;
        }

        return string.Join(';', parts);
    }
}
