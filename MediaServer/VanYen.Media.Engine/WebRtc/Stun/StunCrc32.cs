namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>
/// CRC-32 as STUN's FINGERPRINT uses it (RFC 8489 §14.7, the ISO-HDLC / IEEE 802.3 CRC):
/// reflected polynomial 0xEDB88320, initial value and final xor 0xFFFFFFFF. Table-driven, one byte per step.
/// </summary>
public static class StunCrc32
{
    private const uint ReflectedPolynomial = 0xEDB88320;

    private static readonly uint[] _table = CreateTable();

    /// <summary>Returns the CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint[] table = _table;
        uint crc = 0xFFFFFFFF;
        foreach (byte value in data)
        {
            crc = table[(byte)(crc ^ value)] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFF;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint index = 0; index < 256; index++)
        {
            uint entry = index;
            for (int bit = 0; bit < 8; bit++)
            {
                entry = (entry & 1) != 0 ? (entry >> 1) ^ ReflectedPolynomial : entry >> 1;
            }

            table[index] = entry;
        }

        return table;
    }
}
