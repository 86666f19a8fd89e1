using System.Globalization;
using System.Runtime.InteropServices;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Loudness;
using VanYen.Media.Engine.Audio.Ogg;

namespace VanYen.Media.Engine.Sources.Files;

/// <summary>
/// Turns an uploaded audio file of any common format into a library file: decodes it with ffmpeg, measures its
/// integrated loudness (BS.1770-4), applies the one static gain that brings it to the target after peak limiting, and
/// encodes 48 kHz mono 20 ms Ogg Opus (RFC 7845) that <see cref="OggOpusFileSource"/> plays back.
/// </summary>
/// <remarks>
/// Several passes over the audio with bounded memory: the first decodes, measures and keeps the PCM in a temporary
/// file (deleted on close); up to three quick ones measure what the limiter leaves and raise the gain to make up
/// for it; the last applies gain and limiter and encodes. The output appears under its name
/// only once complete (written beside it, then moved). The limiter's look-ahead is absorbed into the
/// pre-skip, so the file starts exactly where the input does.
/// </remarks>
public sealed class AudioFileImporter
{
    private const int FrameLength = FfmpegAudioDecoder.FrameLength;
    private const int SampleRate = FfmpegAudioDecoder.SampleRate;

    /// <summary>RFC 7845 §5.2.1: R128 gain tags are relative to this reference loudness.</summary>
    private const double R128ReferenceLoudness = -23;

    /// <summary>The most gain added on top of target - measured to make up for what the limiter takes, in dB.</summary>
    private const double MaximumLimiterCompensation = 6;

    private readonly AudioImportOptions _options;

    /// <summary>Creates an importer.</summary>
    public AudioFileImporter(AudioImportOptions? options = null)
    {
        _options = options ?? new AudioImportOptions();
        _options.Limiter.Validate();
    }

    /// <summary>Imports a local file (or URL) into an Ogg Opus file at <paramref name="outputPath"/>, replacing any file there.</summary>
    /// <exception cref="AudioDecodeException">The input cannot be decoded or holds no audio.</exception>
    public async Task<AudioImportResult> ImportAsync(string input, string outputPath, CancellationToken cancellationToken = default)
    {
        await using FfmpegAudioDecoder decoder = await FfmpegAudioDecoder.OpenAsync(input, _options.Decoder, cancellationToken).ConfigureAwait(false);
        return await ImportAsync(decoder, outputPath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports an uploaded stream into an Ogg Opus file at <paramref name="outputPath"/>, replacing any file there.</summary>
    /// <exception cref="AudioDecodeException">The input cannot be decoded or holds no audio.</exception>
    public async Task<AudioImportResult> ImportAsync(Stream input, string outputPath, CancellationToken cancellationToken = default)
    {
        await using FfmpegAudioDecoder decoder = await FfmpegAudioDecoder.OpenAsync(input, _options.Decoder, leaveOpen: true, cancellationToken).ConfigureAwait(false);
        return await ImportAsync(decoder, outputPath, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AudioImportResult> ImportAsync(FfmpegAudioDecoder decoder, string outputPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        string fullOutputPath = Path.GetFullPath(outputPath);
        string directory = _options.TemporaryDirectory ?? Path.GetDirectoryName(fullOutputPath) ?? Path.GetTempPath();
        string pcmPath = Path.Combine(directory, $".{Path.GetFileName(fullOutputPath)}.{Guid.NewGuid():N}.pcm");
        await using var pcm = new FileStream(pcmPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

        // Pass 1: decode, measure, keep.
        var inputMeter = new LoudnessMeter(SampleRate);
        var frame = new short[FrameLength];
        byte[] frameBytes = new byte[FrameLength * sizeof(short)];
        long frames = 0;
        while (await decoder.ReadFrameAsync(frame, cancellationToken).ConfigureAwait(false) == AudioSourceReadResult.Frame)
        {
            inputMeter.Process(frame);
            MemoryMarshal.AsBytes(frame.AsSpan()).CopyTo(frameBytes);
            await pcm.WriteAsync(frameBytes, cancellationToken).ConfigureAwait(false);
            frames++;
        }

        if (frames == 0)
        {
            throw new AudioDecodeException($"{decoder.Description} holds no audio.");
        }

        long decodedSamples = decoder.DecodedSampleCount;
        double loudnessBefore = inputMeter.IntegratedLoudness;
        double gain = LoudnessAnalysis.GainToTarget(loudnessBefore, _options.TargetLoudness, _options.MinimumGainDecibels, _options.MaximumGainDecibels);

        (gain, double expectedLoudness) = await CompensateForLimitingAsync(pcm, frames, loudnessBefore, gain, cancellationToken).ConfigureAwait(false);

        // Last pass: gain, limiter, encode.
        pcm.Position = 0;
        string partPath = fullOutputPath + ".part";
        (double loudnessAfter, double peakAfter) = await EncodeAsync(pcm, frames, gain, expectedLoudness, partPath, cancellationToken).ConfigureAwait(false);
        File.Move(partPath, fullOutputPath, overwrite: true);
        return new AudioImportResult(fullOutputPath, TimeSpan.FromSeconds((double)decodedSamples / SampleRate), loudnessBefore, loudnessAfter, gain, peakAfter);
    }

    /// <summary>
    /// Speech and music often peak 18-20 dB above their loudness, so at -16 LUFS the limiter (at -1 dBFS)
    /// shaves off part of the gain. Measuring the limited result and raising the gain by the shortfall,
    /// a few times and by at most <see cref="MaximumLimiterCompensation"/>, lands on the target anyway.
    /// </summary>
    /// <returns>The gain to use and the loudness it gives (measured, or predicted when no pass was needed).</returns>
    private async Task<(double Gain, double Loudness)> CompensateForLimitingAsync(FileStream pcm, long frames, double loudnessBefore, double gain, CancellationToken cancellationToken)
    {
        double predicted = loudnessBefore + gain;
        if (!double.IsFinite(predicted))
        {
            return (gain, predicted);
        }

        double ceiling = Math.Min(_options.MaximumGainDecibels, gain + MaximumLimiterCompensation);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            double measured = await MeasureLimitedAsync(pcm, frames, gain, cancellationToken).ConfigureAwait(false);
            double next = Math.Min(gain + (_options.TargetLoudness - measured), ceiling);
            if (next - gain < 0.05)
            {
                return (gain, measured);
            }

            predicted = measured + (next - gain);
            gain = next;
        }

        return (gain, predicted);
    }

    private async Task<double> MeasureLimitedAsync(FileStream pcm, long frames, double gainDecibels, CancellationToken cancellationToken)
    {
        float gain = (float)Math.Pow(10, gainDecibels / 20);
        var limiter = new Limiter(_options.Limiter, SampleRate);
        var meter = new LoudnessMeter(SampleRate);
        var frame = new short[FrameLength];
        byte[] frameBytes = new byte[FrameLength * sizeof(short)];
        pcm.Position = 0;
        for (long index = 0; index < frames; index++)
        {
            await pcm.ReadExactlyAsync(frameBytes, cancellationToken).ConfigureAwait(false);
            MemoryMarshal.Cast<byte, short>(frameBytes).CopyTo(frame);
            limiter.Process(frame, gain);
            meter.Process(frame);
        }

        return meter.IntegratedLoudness;
    }

    private async Task<(double Loudness, double Peak)> EncodeAsync(FileStream pcm, long frames, double gainDecibels, double expectedLoudness, string partPath, CancellationToken cancellationToken)
    {
        float gain = (float)Math.Pow(10, gainDecibels / 20);
        var limiter = new Limiter(_options.Limiter, SampleRate);
        var outputMeter = new LoudnessMeter(SampleRate);
        var writerOptions = new OggOpusWriterOptions
        {
            // RFC 7845 §4.2: the decoder drops the pre-skip; adding the limiter's delay to the encoder's
            // makes the decoded file start with the input's first sample.
            PreSkip = OpusHead.DefaultPreSkip + limiter.LatencySamples,
            SerialNumber = 0x56594D31,
        };
        writerOptions.Comments.Add(new KeyValuePair<string, string>("ENCODER", "VanYen.Media AudioFileImporter"));

        var frame = new short[FrameLength];
        byte[] frameBytes = new byte[FrameLength * sizeof(short)];
        var packet = new byte[1275];
        int peak = 0;
        bool deleteOutput = true;
        FileStream output = new(partPath, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        try
        {
            using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Bitrate = _options.Bitrate, Application = _options.Application });
            if (double.IsFinite(expectedLoudness))
            {
                // RFC 7845 §5.2.1: Q7.8 dB to reach -23 LUFS. The header goes out before the output is measured,
                // so the tag uses input loudness + gain, which the limiter lowers only slightly.
                writerOptions.Comments.Add(new KeyValuePair<string, string>(
                    "R128_TRACK_GAIN",
                    ((int)Math.Round((R128ReferenceLoudness - expectedLoudness) * 256)).ToString(CultureInfo.InvariantCulture)));
            }
            await using var writer = new OggOpusWriter(output, writerOptions);

            // One more frame of silence pushes the limiter's look-ahead (and the encoder's) out of the pipeline.
            for (long index = 0; index <= frames; index++)
            {
                if (index < frames)
                {
                    await pcm.ReadExactlyAsync(frameBytes, cancellationToken).ConfigureAwait(false);
                    MemoryMarshal.Cast<byte, short>(frameBytes).CopyTo(frame);
                }
                else
                {
                    Array.Clear(frame);
                }

                limiter.Process(frame, gain);
                outputMeter.Process(frame);
                foreach (short sample in frame)
                {
                    peak = Math.Max(peak, Math.Abs((int)sample));
                }

                int length = encoder.Encode(frame, packet);
                await writer.WritePacketAsync(packet.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            deleteOutput = false;
        }
        finally
        {
            await output.DisposeAsync().ConfigureAwait(false);
            if (deleteOutput)
            {
                File.Delete(partPath);
            }
        }

        double peakDecibels = peak == 0 ? double.NegativeInfinity : 20 * Math.Log10(peak / 32768.0);
        return (outputMeter.IntegratedLoudness, peakDecibels);
    }
}
