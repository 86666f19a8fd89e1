using System.ComponentModel.DataAnnotations;

namespace VanYen.Media.Server.Meetings;

/// <summary>The meetings' settings, bound from the "VanYen:Meetings" configuration section.</summary>
public sealed class MeetingsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "VanYen:Meetings";

    /// <summary>
    /// The UDP port of the plain RTP participants (SIP gateways, consoles, the load harness). 0 (the default) picks a
    /// free port: <c>POST /api/meetings/{id}/rtp-participants</c> tells each participant; set a fixed one for a firewall.
    /// </summary>
    [Range(0, 65535)]
    public int RtpPort { get; set; }

    /// <summary>The address told to plain RTP participants; null announces the bind address (or loopback when it is a wildcard).</summary>
    public string? AnnouncedAddress { get; set; }

    /// <summary>How many of the loudest talkers are mixed (the K).</summary>
    [Range(1, 8)]
    public int MaxTalkers { get; set; } = 3;
}
