using System.Buffers.Binary;

namespace VanYen.Media.Server.Api;

/// <summary>Writes 16-bit PCM mono RIFF/WAVE files.</summary>
public static class WaveFile
{
    private const int HeaderLength = 44;

    /// <summary>A complete WAV file of <paramref name="samples"/> (mono, 16-bit little-endian) at <paramref name="sampleRate"/>.</summary>
    public static byte[] Write(ReadOnlySpan<short> samples, int sampleRate)
    {
        int dataLength = samples.Length * sizeof(short);
        var file = new byte[HeaderLength + dataLength];
        Span<byte> header = file;
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], HeaderLength - 8 + dataLength);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * sizeof(short));
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], sizeof(short));
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataLength);
        Span<byte> data = file.AsSpan(HeaderLength);
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data[(i * 2)..], samples[i]);
        }

        return file;
    }
}
