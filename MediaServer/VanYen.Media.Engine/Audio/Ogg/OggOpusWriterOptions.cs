namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>Settings of an <see cref="OggOpusWriter"/>: the OpusHead / OpusTags fields and the paging policy.</summary>
public sealed class OggOpusWriterOptions
{
    /// <summary>Output channels, 1 or 2 (channel mapping family 0).</summary>
    public int ChannelCount { get; set; } = 1;

    /// <summary>48 kHz samples the decoder discards at the start (RFC 7845 §4.2); 312 matches libopus at 48 kHz.</summary>
    public int PreSkip { get; set; } = OpusHead.DefaultPreSkip;

    /// <summary>Sample rate of the original input, for information (RFC 7845 §5.1).</summary>
    public uint InputSampleRate { get; set; } = 48000;

    /// <summary>Output gain in Q7.8 dB (RFC 7845 §5.1).</summary>
    public short OutputGain { get; set; }

    /// <summary>User comments for the OpusTags header, e.g. ("TITLE", "Bản tin sáng").</summary>
    public IList<KeyValuePair<string, string>> Comments { get; } = new List<KeyValuePair<string, string>>();

    /// <summary>The logical stream's serial number; null picks a random one (RFC 3533 §4).</summary>
    public uint? SerialNumber { get; set; }

    /// <summary>A page is closed once this many packets complete on it.</summary>
    public int MaxPacketsPerPage { get; set; } = 20;

    /// <summary>A page is closed once the packets completed on it last this long.</summary>
    public TimeSpan MaxPageDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Flush the underlying stream after every page, for live HTTP streaming, so a listener
    /// gets each page as soon as it is closed. Leave off for files.
    /// </summary>
    public bool FlushStreamAfterEachPage { get; set; }
}
