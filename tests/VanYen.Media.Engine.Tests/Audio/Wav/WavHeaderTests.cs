using System.Buffers.Binary;
using System.Diagnostics;
using VanYen.Media.Engine.Audio.Wav;

namespace VanYen.Media.Engine.Tests.Audio.Wav;

public class WavHeaderTests
{
    // espeak-ng --stdout: 22 050 Hz mono 16-bit, lengths left at 0x7FFFF000-ish placeholders.
    private static readonly byte[] EspeakHeader = Convert.FromHexString(
        "52494646" + "24F0FF7F" + "57415645" + "666D7420" + "10000000" + "0100" + "0100" + "22560000" + "44AC0000" + "0200" + "1000" + "64617461" + "00F0FF7F");

    // ffmpeg to a pipe: a LIST chunk before data, lengths 0xFFFFFFFF.
    private static readonly byte[] FfmpegHeader = Convert.FromHexString(
        "52494646FFFFFFFF57415645666D7420100000000100010044AC000088580100020010004C4953541A000000494E464F495346540E0000004C61766635392E32372E3130300064617461FFFFFFFF");

    // sox: WAVE_FORMAT_EXTENSIBLE, 48 kHz mono 32-bit float, with a "fact" chunk.
    private static readonly byte[] SoxExtensibleHeader = Convert.FromHexString(
        "5249464648F0FF7F57415645666D742028000000FEFF010080BB000000EE02000400200016002000040000000300000000001000800000AA00389B71" + "6661637404000000FFFFFFFF" + "6461746100F0FF7F");

    [Fact]
    public void ReadsEspeakStreamingHeader()
    {
        Assert.Equal(WavHeaderStatus.Complete, WavHeader.Read(EspeakHeader, out WavHeader header));
        Assert.Equal(22_050, header.SampleRate);
        Assert.Equal(1, header.ChannelCount);
        Assert.Equal(16, header.BitsPerSample);
        Assert.Equal(2, header.BlockAlign);
        Assert.Equal(44, header.DataOffset);
        Assert.True(header.IsPcm16);
        Assert.True(header.IsDataLengthUnknown);
    }

    [Fact]
    public void SkipsChunksBeforeData()
    {
        Assert.True(WavHeader.TryParse(FfmpegHeader, out WavHeader header));
        Assert.Equal(44_100, header.SampleRate);
        Assert.Equal(FfmpegHeader.Length, header.DataOffset);
        Assert.True(header.IsDataLengthUnknown);
    }

    [Fact]
    public void ResolvesExtensibleFormatToItsSubFormat()
    {
        Assert.True(WavHeader.TryParse(SoxExtensibleHeader, out WavHeader header));
        Assert.Equal(WavHeader.IeeeFloatFormatTag, header.FormatTag);
        Assert.Equal(48_000, header.SampleRate);
        Assert.Equal(32, header.BitsPerSample);
        Assert.False(header.IsPcm16);
    }

    [Fact]
    public void WriterAndReaderAgree()
    {
        var buffer = new byte[WavHeader.CanonicalLength];
        Assert.Equal(44, WavHeader.WritePcm16(buffer, 48_000, 2, 19_200));

        Assert.True(WavHeader.TryParse(buffer, out WavHeader header));
        Assert.Equal(48_000, header.SampleRate);
        Assert.Equal(2, header.ChannelCount);
        Assert.Equal(4, header.BlockAlign);
        Assert.Equal(19_200u, header.DeclaredDataLength);
        Assert.False(header.IsDataLengthUnknown);
        Assert.Equal(19_236u, BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(4)));
    }

    [Fact]
    public void EveryTruncationOfAValidHeaderIsIncomplete()
    {
        foreach (byte[] valid in new[] { EspeakHeader, FfmpegHeader, SoxExtensibleHeader })
        {
            for (int length = 0; length < valid.Length; length++)
            {
                Assert.Equal(WavHeaderStatus.Incomplete, WavHeader.Read(valid.AsSpan(0, length), out _));
            }
        }
    }

    [Theory]
    [InlineData("RIFX")]
    [InlineData("OggS")]
    [InlineData("RIFF____AVI ")]
    public void OtherContainersAreInvalid(string start)
    {
        byte[] data = [.. System.Text.Encoding.ASCII.GetBytes(start), .. new byte[40]];
        Assert.Equal(WavHeaderStatus.Invalid, WavHeader.Read(data, out _));
    }

    [Fact]
    public void DataBeforeFormatIsInvalid()
    {
        byte[] data = Convert.FromHexString("524946460000000057415645" + "6461746800000000".Replace("68", "61", StringComparison.Ordinal) + "666D7420100000000100010044AC000088580100020010");
        Assert.Equal(WavHeaderStatus.Invalid, WavHeader.Read(data, out _));
    }

    [Theory]
    [InlineData(0x0100, 0x0000, 16, 2)] // no channels
    [InlineData(0x0100, 0x0100, 12, 2)] // 12-bit PCM
    [InlineData(0x0200, 0x0100, 16, 2)] // ADPCM
    [InlineData(0x0100, 0x0100, 16, 4)] // block align disagrees
    [InlineData(0x0100, 0x0900, 16, 18)] // nine channels
    public void ImpossibleFormatsAreInvalid(int formatTagBigEndian, int channelsBigEndian, int bits, int blockAlign)
    {
        byte[] data = (byte[])EspeakHeader.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(20), (ushort)formatTagBigEndian);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(22), (ushort)channelsBigEndian);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(32), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(34), (ushort)bits);
        Assert.Equal(WavHeaderStatus.Invalid, WavHeader.Read(data, out _));
    }

    [Fact]
    public void AHugeChunkBeforeDataIsInvalidNotEndlesslyIncomplete()
    {
        byte[] data = [.. EspeakHeader.AsSpan(0, 36), .. "LIST"u8, 0xF0, 0xFF, 0xFF, 0x7F, .. new byte[64]];
        Assert.Equal(WavHeaderStatus.Invalid, WavHeader.Read(data, out _));
    }

    [Fact]
    public void ReadsWhatEspeakReallyWrites()
    {
        using var process = Process.Start(new ProcessStartInfo("espeak-ng", ["-v", "vi", "--stdout", "xin chào"]) { RedirectStandardOutput = true })!;
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();

        Assert.True(WavHeader.TryParse(output.ToArray(), out WavHeader header));
        Assert.Equal(22_050, header.SampleRate);
        Assert.True(header.IsPcm16);
    }

    [Fact]
    public void RandomAndMutatedBytesNeverThrow()
    {
        var random = new Random(20261126);
        byte[][] seeds = [EspeakHeader, FfmpegHeader, SoxExtensibleHeader];
        for (int round = 0; round < 20_000; round++)
        {
            byte[] data;
            if (round % 4 == 0)
            {
                data = new byte[random.Next(0, 200)];
                random.NextBytes(data);
            }
            else
            {
                byte[] seed = seeds[random.Next(seeds.Length)];
                data = new byte[Math.Max(0, seed.Length + random.Next(-20, 20))];
                seed.AsSpan(0, Math.Min(seed.Length, data.Length)).CopyTo(data);
                for (int flip = random.Next(1, 4); flip > 0 && data.Length > 0; flip--)
                {
                    data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                }
            }

            WavHeaderStatus status = WavHeader.Read(data, out WavHeader header);
            if (status == WavHeaderStatus.Complete)
            {
                Assert.InRange(header.DataOffset, 20, data.Length);
                Assert.InRange(header.ChannelCount, 1, 8);
                Assert.Equal(header.ChannelCount * header.BitsPerSample / 8, header.BlockAlign);
            }
        }
    }
}
