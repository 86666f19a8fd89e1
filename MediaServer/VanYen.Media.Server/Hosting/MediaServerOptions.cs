using System.ComponentModel.DataAnnotations;

namespace VanYen.Media.Server.Hosting;

/// <summary>The server's own settings, bound from the "VanYen" configuration section.</summary>
public sealed class MediaServerOptions
{
    public const string SectionName = "VanYen";

    /// <summary>Folder for the SQLite file, the DTLS certificate, the audio library and recordings.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The one UDP port shared by every WebRTC peer (demultiplexed by ICE username, then address). 0 picks a free port.</summary>
    [Range(0, 65535)]
    public int WebRtcPort { get; set; } = 40000;

    /// <summary>The UDP port for plain-RTP receivers and hardware consoles. 0 picks a free port.</summary>
    [Range(0, 65535)]
    public int RtpPort { get; set; } = 40002;

    /// <summary>Address the media sockets bind to; "::" is dual-stack (IPv4 and IPv6).</summary>
    [Required]
    public string MediaBindAddress { get; set; } = "::";

    /// <summary>Full path of the data folder, resolved against the current directory.</summary>
    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}
