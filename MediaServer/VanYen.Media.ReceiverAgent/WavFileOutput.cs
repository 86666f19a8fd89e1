using System.Buffers.Binary;
using VanYen.Media.Engine.Audio.Wav;

namespace VanYen.Media.ReceiverAgent;

/// <summary>
/// A continuously growing 48 kHz mono WAV file: silence is written too, so the file's timeline is wall time. The
/// header's lengths are rewritten every second, so the file is valid while it grows.
/// </summary>
public sealed class WavFileOutput : IAgentAudioOutput
{
    private const int SampleRate = 48000;
    private readonly FileStream _file;
    private readonly byte[] _frameBytes = new byte[960 * 2];
    private readonly byte[] _header = new byte[WavHeader.CanonicalLength];
    private long _dataLength;
    private int _framesSinceHeader;

    /// <summary>Creates (or truncates) the file.</summary>
    public WavFileOutput(string path)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        WriteHeader();
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<short> frame)
    {
        int length = frame.Length * 2;
        byte[] bytes = length <= _frameBytes.Length ? _frameBytes : new byte[length];
        for (int i = 0; i < frame.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), frame[i]);
        }

        _file.Write(bytes, 0, length);
        _dataLength += length;
        if (++_framesSinceHeader >= 50)
        {
            _framesSinceHeader = 0;
            WriteHeader();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        WriteHeader();
        _file.Dispose();
    }

    private void WriteHeader()
    {
        long position = _file.Position;
        WavHeader.WritePcm16(_header, SampleRate, 1, (uint)Math.Min(_dataLength, uint.MaxValue - 64));
        _file.Position = 0;
        _file.Write(_header);
        _file.Position = Math.Max(position, _header.Length);
        _file.Flush();
    }
}
