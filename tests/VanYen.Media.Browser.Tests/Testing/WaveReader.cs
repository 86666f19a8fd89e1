using System.Buffers.Binary;
using System.Text;

namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>Reads 16-bit PCM RIFF/WAVE files (any chunk order, extra chunks skipped), mixing channels to mono.</summary>
internal static class WaveReader
{
    public static (short[] Samples, int SampleRate) Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("not a RIFF/WAVE file");
        }

        int channels = 0;
        int sampleRate = 0;
        int offset = 12;
        while (offset + 8 <= file.Length)
        {
            string id = Encoding.ASCII.GetString(file.Slice(offset, 4));
            int length = BinaryPrimitives.ReadInt32LittleEndian(file[(offset + 4)..]);
            var body = file.Slice(offset + 8, Math.Min(length, file.Length - offset - 8));
            if (id == "fmt ")
            {
                short format = BinaryPrimitives.ReadInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadInt16LittleEndian(body[2..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                short bits = BinaryPrimitives.ReadInt16LittleEndian(body[14..]);
                if (format != 1 || bits != 16)
                {
                    throw new InvalidDataException($"only 16-bit PCM is read (format {format}, {bits} bits)");
                }
            }
            else if (id == "data")
            {
                if (channels == 0)
                {
                    throw new InvalidDataException("data chunk before fmt chunk");
                }

                var samples = new short[body.Length / 2 / channels];
                for (int i = 0; i < samples.Length; i++)
                {
                    int sum = 0;
                    for (int channel = 0; channel < channels; channel++)
                    {
                        sum += BinaryPrimitives.ReadInt16LittleEndian(body[(((i * channels) + channel) * 2)..]);
                    }

                    samples[i] = (short)(sum / channels);
                }

                return (samples, sampleRate);
            }

            offset += 8 + length + (length & 1);
        }

        throw new InvalidDataException("no data chunk");
    }
}
