using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Ogg;

namespace VanYen.Media.Engine.Sources.Files;

/// <summary>
/// Plays an Ogg Opus library file (as <see cref="AudioFileImporter"/> writes) as 48 kHz mono 20 ms frames:
/// packets from <see cref="OggOpusReader"/>, decoded by <see cref="OpusAudioDecoder"/>, with the pre-skip
/// dropped, end trimming from the last page's granule position and the header's output gain applied
/// (RFC 7845 §4.2, §4.5, §5.1).
/// </summary>
/// <remarks>
/// Packets of any Opus duration (2.5–120 ms) are re-cut into 960-sample frames; a stereo file is downmixed by
/// the decoder. A damaged packet is concealed for its duration. The last frame is zero-padded.
/// File reads are synchronous and small (one Ogg page at a time), so <see cref="ReadFrameAsync"/> completes
/// without awaiting. Not thread-safe.
/// </remarks>
public sealed class OggOpusFileSource : IAudioSource, IDisposable
{
    /// <summary>Output sample rate in hertz.</summary>
    public const int SampleRate = 48000;

    /// <summary>Samples in one 20 ms output frame.</summary>
    public const int FrameLength = 960;

    private const int MaxPacketSamples = 5760;

    private readonly OggOpusReader _reader;
    private readonly OpusAudioDecoder _decoder;
    private readonly short[] _pcm = new short[MaxPacketSamples];
    private readonly float _outputGain;
    private int _pcmOffset;
    private int _pcmCount;
    private int _preSkipLeft;
    private long _granuleDecoded;
    private bool _ended;
    private bool _disposed;

    private OggOpusFileSource(OggOpusReader reader, string description)
    {
        _reader = reader;
        Description = description;
        _decoder = new OpusAudioDecoder(SampleRate, 1);
        _preSkipLeft = reader.PreSkip;
        // RFC 7845 §5.1: output gain in Q7.8 dB, to apply to every decoded sample.
        _outputGain = (float)Math.Pow(10, reader.OutputGain / (20.0 * 256));
    }

    /// <summary>The file name (or "stream"), for logs.</summary>
    public string Description { get; }

    /// <summary>The Opus comment header (title, R128 gain...).</summary>
    public OpusTags Tags => _reader.Tags;

    /// <summary>Samples handed out so far, not counting the zero padding of the last frame.</summary>
    public long DecodedSampleCount { get; private set; }

    /// <summary>Opens an Ogg Opus file.</summary>
    /// <exception cref="InvalidDataException">It is not Ogg Opus or its headers are damaged.</exception>
    public static OggOpusFileSource Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FileStream file = File.OpenRead(path);
        try
        {
            return new OggOpusFileSource(OggOpusReader.Open(file), Path.GetFileName(path));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Opens an Ogg Opus stream positioned at its first page.</summary>
    /// <exception cref="InvalidDataException">It is not Ogg Opus or its headers are damaged.</exception>
    public static OggOpusFileSource Open(Stream stream, bool leaveOpen = false) =>
        new(OggOpusReader.Open(stream, leaveOpen), "stream");

    /// <summary>Fills <paramref name="frame"/> with the next 20 ms (960 samples); the last frame is zero-padded.</summary>
    /// <returns><see cref="AudioSourceReadResult.Frame"/>, or <see cref="AudioSourceReadResult.EndOfStream"/> at the end of the file.</returns>
    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (frame.Length < FrameLength)
        {
            throw new ArgumentException($"A frame holds {FrameLength} samples; got {frame.Length}.", nameof(frame));
        }

        // IAudioSource: a longer buffer is fine, the frame goes into its first 960 samples.
        frame = frame[..FrameLength];

        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadFrame(frame.Span) ? AudioSourceReadResult.Frame : AudioSourceReadResult.EndOfStream);
    }

    /// <summary>Releases the decoder and the file.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _decoder.Dispose();
            _reader.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private bool ReadFrame(Span<short> frame)
    {
        int filled = 0;
        while (filled < FrameLength)
        {
            if (_pcmCount == 0 && !DecodeNextPacket())
            {
                break;
            }

            int length = Math.Min(_pcmCount, FrameLength - filled);
            _pcm.AsSpan(_pcmOffset, length).CopyTo(frame[filled..]);
            _pcmOffset += length;
            _pcmCount -= length;
            filled += length;
        }

        if (filled == 0)
        {
            return false;
        }

        frame[filled..].Clear();
        DecodedSampleCount += filled;
        return true;
    }

    private bool DecodeNextPacket()
    {
        while (!_ended)
        {
            if (!_reader.TryReadPacket(out ReadOnlyMemory<byte> packet, out long granulePosition))
            {
                _ended = true;
                return false;
            }

            int samples = _decoder.Decode(packet.Span, _pcm);
            if (samples == 0 && OpusPacketDuration.TryGetSampleCount(packet.Span, out int expected) && expected is > 0 and <= MaxPacketSamples)
            {
                // A damaged packet keeps its place in time: conceal it rather than shorten the programme.
                samples = _decoder.Conceal(_pcm.AsSpan(0, expected));
            }

            long end = _granuleDecoded + samples;
            if (_reader.IsEndOfStream && granulePosition >= 0 && granulePosition < end)
            {
                // RFC 7845 §4.5: the last page's granule position may end the stream inside its last packet.
                samples = (int)Math.Max(0, granulePosition - _granuleDecoded);
            }

            _granuleDecoded = end;
            int skip = Math.Min(_preSkipLeft, samples);
            _preSkipLeft -= skip;
            _pcmOffset = skip;
            _pcmCount = samples - skip;
            if (_outputGain != 1f)
            {
                ApplyOutputGain(_pcm.AsSpan(_pcmOffset, _pcmCount));
            }

            if (_pcmCount > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void ApplyOutputGain(Span<short> samples)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            float value = MathF.Round(samples[i] * _outputGain);
            samples[i] = (short)Math.Clamp(value, short.MinValue, short.MaxValue);
        }
    }
}
