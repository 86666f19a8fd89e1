using Concentus;

namespace VanYen.Media.Engine.Audio.Codec;

/// <summary>
/// Decodes Opus packets (RFC 6716) to 16-bit PCM, rebuilds a lost frame from the next
/// packet's in-band FEC, or conceals it (PLC). One instance per stream; not thread-safe.
/// </summary>
/// <remarks>
/// Hostile packets never throw: each packet is checked against RFC 6716 §3.4 first and a
/// malformed one yields 0 samples and is counted in <see cref="RejectedPackets"/>.
/// With the native backend nothing here allocates; the managed decoder allocates about
/// 21–24 KB per 20 ms frame (Concentus 2.2.2).
/// </remarks>
public sealed class OpusAudioDecoder : IDisposable
{
    private readonly IOpusDecoder _decoder;
    private readonly int _samplesPer2500Microseconds;
    private bool _disposed;

    /// <summary>Creates a decoder producing <paramref name="channels"/> interleaved channels at <paramref name="sampleRate"/>.</summary>
    /// <param name="sampleRate">8000, 12000, 16000, 24000 or 48000 Hz.</param>
    /// <param name="channels">1 or 2.</param>
    /// <param name="backend">Force a backend, or <see langword="null"/> for native when libopus loads and managed otherwise.</param>
    public OpusAudioDecoder(int sampleRate = 48000, int channels = 1, OpusCodecBackend? backend = null)
    {
        if (!OpusCodecs.IsSupportedSampleRate(sampleRate))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Opus supports 8000, 12000, 16000, 24000 and 48000 Hz.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);

        SampleRate = sampleRate;
        Channels = channels;
        _samplesPer2500Microseconds = sampleRate / 400;
        _decoder = OpusCodecs.CreateDecoder(sampleRate, channels, backend);
        Backend = OpusCodecs.BackendOf(_decoder);
    }

    /// <summary>Output sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Output channels (interleaved).</summary>
    public int Channels { get; }

    /// <summary>Which implementation decodes.</summary>
    public OpusCodecBackend Backend { get; }

    /// <summary>Packets refused because they were malformed, did not fit the output, or the codec reported corruption.</summary>
    public long RejectedPackets { get; private set; }

    /// <summary>
    /// Decodes <paramref name="packet"/> into <paramref name="pcm"/>.
    /// </summary>
    /// <returns>Samples per channel written, or 0 when the packet is malformed or longer than <paramref name="pcm"/> holds (counted).</returns>
    public int Decode(ReadOnlySpan<byte> packet, Span<short> pcm)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!OpusPacketHeader.TryParse(packet, out OpusPacketHeader header))
        {
            RejectedPackets++;
            return 0;
        }

        int samples = header.GetSampleCount(SampleRate);
        if (samples * Channels > pcm.Length)
        {
            RejectedPackets++;
            return 0;
        }

        return Run(packet, pcm, samples, decodeForwardErrorCorrection: false);
    }

    /// <summary>
    /// Rebuilds the frame lost just before <paramref name="nextPacket"/> from the in-band FEC
    /// that packet carries (RFC 6716 §2.1.7). When it carries none (CELT mode, FEC off at the
    /// sender), libopus conceals instead, so the output is never worse than <see cref="Conceal"/>.
    /// </summary>
    /// <param name="nextPacket">The packet that followed the lost one; it must still be decoded with <see cref="Decode"/> afterwards.</param>
    /// <param name="pcm">Sized to the lost frame: its length / <see cref="Channels"/> is the duration rebuilt, a multiple of 2.5 ms.</param>
    /// <returns>Samples per channel written.</returns>
    public int DecodeFec(ReadOnlySpan<byte> nextPacket, Span<short> pcm)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int samples = LostFrameSamples(pcm);
        if (!OpusPacketHeader.TryParse(nextPacket, out _))
        {
            RejectedPackets++;
            return Run(ReadOnlySpan<byte>.Empty, pcm, samples, decodeForwardErrorCorrection: false);
        }

        return Run(nextPacket, pcm, samples, decodeForwardErrorCorrection: true);
    }

    /// <summary>
    /// Conceals a lost frame from the decoder's history (packet loss concealment; fades to
    /// silence over repeated calls).
    /// </summary>
    /// <param name="pcm">Sized to the lost frame: its length / <see cref="Channels"/> is the duration produced, a multiple of 2.5 ms.</param>
    /// <returns>Samples per channel written.</returns>
    public int Conceal(Span<short> pcm)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Run(ReadOnlySpan<byte>.Empty, pcm, LostFrameSamples(pcm), decodeForwardErrorCorrection: false);
    }

    /// <summary>Forgets the stream's history, e.g. after an SSRC change.</summary>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _decoder.ResetState();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _decoder.Dispose();
        }
    }

    private int Run(ReadOnlySpan<byte> packet, Span<short> pcm, int samples, bool decodeForwardErrorCorrection)
    {
        int decoded;
        try
        {
            decoded = _decoder.Decode(packet, pcm, samples, decodeForwardErrorCorrection);
        }
        catch (OpusException)
        {
            // The managed backend throws on a corrupt range-coded stream where libopus returns an error code.
            decoded = -1;
        }

        if (decoded < 0)
        {
            RejectedPackets++;
            return 0;
        }

        return decoded;
    }

    private int LostFrameSamples(Span<short> pcm)
    {
        int samples = pcm.Length / Channels;
        if (samples == 0 || samples % _samplesPer2500Microseconds != 0 || samples * Channels != pcm.Length
            || samples > OpusPacketHeader.MaxSamplesPerPacketAt48Kilohertz / (48000 / SampleRate))
        {
            ThrowBadLostFrameLength(pcm.Length);
        }

        return samples;
    }

    private void ThrowBadLostFrameLength(int length) =>
        throw new ArgumentException($"A lost frame is a multiple of 2.5 ms up to 120 ms ({_samplesPer2500Microseconds} samples per channel per 2.5 ms, {Channels} channel(s)); got {length} samples.", "pcm");
}
