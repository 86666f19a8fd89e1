using System.ComponentModel.DataAnnotations;

namespace VanYen.Media.Server.Hosting;

/// <summary>WebRTC settings, bound from the "VanYen:WebRtc" configuration section.</summary>
public sealed class WebRtcOptions
{
    public const string SectionName = "VanYen:WebRtc";

    /// <summary>
    /// SRTP protection profiles offered/selected in DTLS, most preferred first, comma-separated:
    /// <c>AeadAes128Gcm</c>, <c>AesCm128HmacSha1_80</c>.
    /// </summary>
    [Required]
    public string SrtpProfiles { get; set; } = "AeadAes128Gcm,AesCm128HmacSha1_80";

    /// <summary>
    /// IP addresses browsers reach the WebRTC port at (host candidates), most preferred first, e.g. the public IPv4
    /// in front of a NAT. Default: the bind address if it is a specific one, else 127.0.0.1 and this machine's
    /// non-loopback IPv4 addresses.
    /// </summary>
    public List<string> AnnouncedAddresses { get; set; } = [];

    /// <summary>How long a DTLS handshake may take before the session is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan DtlsHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
