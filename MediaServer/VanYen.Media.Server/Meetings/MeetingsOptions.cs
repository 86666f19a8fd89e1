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

    /// <summary>
    /// The rate the bridge decodes, mixes and encodes at: 16000 (wideband speech, as Janus AudioBridge mixes by
    /// default; cheaper) or 48000. The RTP clock stays 48 kHz either way (RFC 7587 §4.1).
    /// </summary>
    public int SampleRate { get; set; } = 16000;

    /// <summary>
    /// The mixes' Opus encoder complexity, 0–10: 1 (the default) keeps 100 participants with 3 talkers under 10 % of
    /// a core (bench/README.md); raise it for better sound where the CPU allows.
    /// </summary>
    [Range(0, 10)]
    public int EncoderComplexity { get; set; } = 1;
}
