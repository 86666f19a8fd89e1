namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>What <see cref="OggPage.Read"/> found at the start of the data.</summary>
public enum OggPageStatus
{
    /// <summary>A complete page whose checksum verifies.</summary>
    Valid,

    /// <summary>The bytes so far are the start of a page: read more and try again.</summary>
    NeedMoreData,

    /// <summary>The data does not start with the capture pattern "OggS".</summary>
    BadCapturePattern,

    /// <summary>The stream_structure_version is not 0.</summary>
    UnsupportedVersion,

    /// <summary>The page is complete but its CRC does not match: it is corrupt.</summary>
    ChecksumMismatch,
}
