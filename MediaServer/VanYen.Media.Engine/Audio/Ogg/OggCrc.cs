namespace VanYen.Media.Engine.Audio.Ogg;

/// <summary>
/// The CRC-32 of an Ogg page (RFC 3533 §6): generator polynomial 0x04C11DB7,
/// processed most significant bit first (not reflected), initial value 0 and no final xor.
/// </summary>
public static class OggCrc
{
    private const uint Polynomial = 0x04C11DB7;

    private static readonly uint[] Table = CreateTable();

    /// <summary>Returns the CRC of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Update(0, data);

    /// <summary>Continues a CRC computed over earlier bytes with <paramref name="data"/>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] table = Table;
        foreach (byte value in data)
        {
            crc = (crc << 8) ^ table[(int)((crc >> 24) ^ value)];
        }

        return crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint index = 0; index < 256; index++)
        {
            uint remainder = index << 24;
            for (int bit = 0; bit < 8; bit++)
            {
                remainder = (remainder & 0x8000_0000) != 0 ? (remainder << 1) ^ Polynomial : remainder << 1;
            }

            table[index] = remainder;
        }

        return table;
    }
}
