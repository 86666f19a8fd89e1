using Concentus;
using Concentus.Enums;

namespace VanYen.Media.Engine.Audio.Codec;

/// <summary>
/// Encodes fixed-size frames of 16-bit PCM to Opus packets (RFC 6716) on the native or
/// managed Concentus backend. One instance per stream; not thread-safe.
/// </summary>
/// <remarks>
/// With the native backend <see cref="Encode"/> allocates nothing. Concentus' managed encoder
/// allocates scratch arrays on every call (about 110 KB per 20 ms mono frame at 48 kHz,
/// measured with Concentus 2.2.2), so it is a fallback, not a hot-path choice.
/// </remarks>
public sealed class OpusAudioEncoder : IDisposable
{
    private readonly IOpusEncoder _encoder;
    private bool _disposed;

    /// <summary>Creates an encoder; throws <see cref="ArgumentOutOfRangeException"/> for options Opus does not accept.</summary>
    public OpusAudioEncoder(OpusEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        Options = options;
        SamplesPerFrame = options.SamplesPerFrame;
        _encoder = OpusCodecs.CreateEncoder(options.SampleRate, options.Channels, ToConcentus(options.Application), options.Backend);
        Backend = OpusCodecs.BackendOf(_encoder);

        _encoder.Bitrate = options.Bitrate;
        _encoder.Complexity = options.Complexity;
        _encoder.UseInbandFEC = options.InbandForwardErrorCorrection;
        _encoder.PacketLossPercent = options.ExpectedPacketLossPercent;
        _encoder.UseDTX = options.DiscontinuousTransmission;
        _encoder.UseVBR = true;
    }

    /// <summary>The options the encoder was created with.</summary>
    public OpusEncoderOptions Options { get; }

    /// <summary>Which implementation encodes.</summary>
    public OpusCodecBackend Backend { get; }

    /// <summary>Samples per channel in one input frame.</summary>
    public int SamplesPerFrame { get; }

    /// <summary>The number of <see cref="short"/> values <see cref="Encode"/> takes: samples per frame × channels.</summary>
    public int FrameLength => SamplesPerFrame * Options.Channels;

    /// <summary>The bit rate now in use, in bits per second; may be changed between frames (e.g. from RTCP feedback).</summary>
    public int Bitrate
    {
        get => _encoder.Bitrate;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 6000);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 510000);
            _encoder.Bitrate = value;
        }
    }

    /// <summary>The expected packet loss now in use, 0–100 %; may be changed between frames (e.g. from RTCP receiver reports).</summary>
    public int ExpectedPacketLossPercent
    {
        get => _encoder.PacketLossPercent;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 100);
            _encoder.PacketLossPercent = value;
        }
    }

    /// <summary>
    /// Encodes one frame of interleaved PCM into <paramref name="output"/>.
    /// </summary>
    /// <param name="pcm">Exactly <see cref="FrameLength"/> samples.</param>
    /// <param name="output">Room for the packet; 1275 bytes always suffice for one frame of up to 20 ms, 3 × 1275 + 7 for 60 ms.</param>
    /// <returns>The packet length in bytes (1–2 bytes during DTX silence).</returns>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (pcm.Length != FrameLength)
        {
            ThrowWrongFrameLength(pcm.Length);
        }

        if (output.IsEmpty)
        {
            ThrowOutputEmpty();
        }

        int written = _encoder.Encode(pcm, SamplesPerFrame, output, output.Length);
        if (written < 0)
        {
            ThrowEncodeFailed(written);
        }

        return written;
    }

    /// <summary>Forgets the signal history, e.g. before reusing the encoder for another source.</summary>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _encoder.ResetState();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _encoder.Dispose();
        }
    }

    private static OpusApplication ToConcentus(OpusEncoderApplication application) => application switch
    {
        OpusEncoderApplication.Voip => OpusApplication.OPUS_APPLICATION_VOIP,
        OpusEncoderApplication.Audio => OpusApplication.OPUS_APPLICATION_AUDIO,
        OpusEncoderApplication.RestrictedLowDelay => OpusApplication.OPUS_APPLICATION_RESTRICTED_LOWDELAY,
        _ => throw new ArgumentOutOfRangeException(nameof(application), application, "Unknown Opus application."),
    };

    private void ThrowWrongFrameLength(int length) =>
        throw new ArgumentException($"Expected {FrameLength} samples ({SamplesPerFrame} per channel), got {length}.", "pcm");

    private static void ThrowOutputEmpty() =>
        throw new ArgumentException("The output buffer is empty.", "output");

    private static void ThrowEncodeFailed(int error) =>
        throw new InvalidOperationException($"Opus encoding failed with error {error}.");
}
