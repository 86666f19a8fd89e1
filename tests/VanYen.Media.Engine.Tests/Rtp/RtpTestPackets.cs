namespace VanYen.Media.Engine.Tests.Rtp;

/// <summary>Hand-built RTP packets whose every field is known.</summary>
internal static class RtpTestPackets
{
    /// <summary>
    /// An Opus packet as Chrome sends it: PT 111, seq 1234, ts 123456, SSRC 0x11223344, one-byte extensions
    /// ssrc-audio-level (id 1, voice flag + level 10), abs-send-time (id 2, 0x123456), transport-cc (id 3, seq 0x0102),
    /// mid (id 4, "0"), one padding byte, then a 4-byte payload.
    /// </summary>
    public static byte[] ChromeAudio() =>
    [
        0x90, 0x6F, 0x04, 0xD2, // V=2 X=1, PT 111, seq 1234
        0x00, 0x01, 0xE2, 0x40, // timestamp 123456
        0x11, 0x22, 0x33, 0x44, // SSRC
        0xBE, 0xDE, 0x00, 0x03, // one-byte form, 3 words
        0x10, 0x8A,             // id 1, 1 byte: V=1, level 10
        0x22, 0x12, 0x34, 0x56, // id 2, 3 bytes
        0x31, 0x01, 0x02,       // id 3, 2 bytes
        0x40, 0x30,             // id 4, 1 byte "0"
        0x00,                   // padding
        0x78, 0x01, 0x02, 0x03, // Opus payload
    ];

    /// <summary>
    /// PT 96 with marker, seq 65535, ts 0xFFFFFFFF, SSRC 0xCAFEBABE, two CSRCs (1, 2), a two-byte extension
    /// (profile 0x1000) with id 200 carrying 0 bytes and id 7 carrying 3 bytes, payload 0xAA 0xBB and 3 bytes of padding.
    /// </summary>
    public static byte[] TwoByteWithCsrcsAndPadding() =>
    [
        0xB2, 0xE0, 0xFF, 0xFF, // V=2 P=1 X=1 CC=2, M=1 PT 96, seq 65535
        0xFF, 0xFF, 0xFF, 0xFF, // timestamp
        0xCA, 0xFE, 0xBA, 0xBE, // SSRC
        0x00, 0x00, 0x00, 0x01, // CSRC 1
        0x00, 0x00, 0x00, 0x02, // CSRC 2
        0x10, 0x00, 0x00, 0x02, // two-byte form, 2 words
        0xC8, 0x00,             // id 200, 0 bytes
        0x07, 0x03, 0x0A, 0x0B, 0x0C, // id 7, 3 bytes
        0x00,                   // padding
        0xAA, 0xBB,             // payload
        0x00, 0x00, 0x03,       // RTP padding, count 3
    ];
}
