namespace VanYen.Media.Engine.Tests.Audio.Ogg;

/// <summary>Byte data shared by the Ogg tests.</summary>
internal static class OggTestData
{
    /// <summary>
    /// The first page of an Ogg Opus file made by ffmpeg 5.1 / libopus (mono, pre-skip 312, 48 kHz):
    /// BOS, granule 0, serial 0x717892D5, sequence 0, CRC 0xAFA887FC, one 19-byte OpusHead packet.
    /// </summary>
    public static ReadOnlySpan<byte> FfmpegOpusHeadPage =>
    [
        0x4f, 0x67, 0x67, 0x53, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0xd5, 0x92, 0x78, 0x71, 0x00, 0x00, 0x00, 0x00, 0xfc, 0x87,
        0xa8, 0xaf, 0x01, 0x13, 0x4f, 0x70, 0x75, 0x73, 0x48, 0x65, 0x61, 0x64,
        0x01, 0x01, 0x38, 0x01, 0x80, 0xbb, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    /// <summary>TOC of a CELT-only fullband 20 ms single-frame packet (RFC 6716 §3.1, configuration 31, code 0).</summary>
    public const byte Celt20MillisecondToc = 0xF8;

    /// <summary>Makes a fake Opus packet of 20 ms (valid TOC) whose other bytes follow from <paramref name="seed"/>.</summary>
    public static byte[] CreatePacket(int length, int seed)
    {
        var packet = new byte[length];
        new Random(seed).NextBytes(packet);
        packet[0] = Celt20MillisecondToc;
        return packet;
    }

    /// <summary>Splits a byte stream into its pages (the test data is known to be well-formed).</summary>
    public static List<byte[]> SplitPages(byte[] data)
    {
        var pages = new List<byte[]>();
        int offset = 0;
        while (offset < data.Length)
        {
            Assert.True(VanYen.Media.Engine.Audio.Ogg.OggPage.TryParse(data.AsSpan(offset), out _, out int length), $"no valid page at {offset}");
            pages.Add(data.AsSpan(offset, length).ToArray());
            offset += length;
        }

        return pages;
    }
}
