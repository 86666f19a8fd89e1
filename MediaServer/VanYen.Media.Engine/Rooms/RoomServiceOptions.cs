using System.Net;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.Engine.Rooms;

/// <summary>Settings of a <see cref="RoomService"/>.</summary>
public sealed record RoomServiceOptions
{
    /// <summary>The addresses written as host candidates (with the shared socket's port), most preferred first; 127.0.0.1 when empty.</summary>
    public IReadOnlyList<IPAddress> AnnouncedAddresses { get; init; } = [];

    /// <summary>SRTP protection profiles (DTLS use_srtp ids) in order of preference; GCM first by default.</summary>
    public IReadOnlyList<ushort> SrtpProfiles { get; init; } = DtlsSrtpProtectionProfile.DefaultPreference;

    /// <summary>How long a DTLS handshake may take.</summary>
    public TimeSpan DtlsHandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How much of an echo session's decoded audio <see cref="IRoomService.TryGetReceivedAudio"/> keeps.</summary>
    public TimeSpan ReceivedAudioLength { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Parses a comma-separated list of <see cref="SrtpProtectionProfile"/> names (e.g. "AeadAes128Gcm,AesCm128HmacSha1_80",
    /// case-insensitive) into use_srtp ids, keeping the order.
    /// </summary>
    /// <exception cref="FormatException">A name is unknown or the list is empty.</exception>
    public static IReadOnlyList<ushort> ParseSrtpProfiles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var profiles = new List<ushort>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse(part, ignoreCase: true, out SrtpProtectionProfile profile) || !Enum.IsDefined(profile) || int.TryParse(part, out _))
            {
                throw new FormatException($"'{part}' is not an SRTP profile; use {nameof(SrtpProtectionProfile.AeadAes128Gcm)} or {nameof(SrtpProtectionProfile.AesCm128HmacSha1_80)}.");
            }

            if (!profiles.Contains((ushort)profile))
            {
                profiles.Add((ushort)profile);
            }
        }

        return profiles.Count > 0 ? profiles : throw new FormatException("At least one SRTP profile is needed.");
    }
}
