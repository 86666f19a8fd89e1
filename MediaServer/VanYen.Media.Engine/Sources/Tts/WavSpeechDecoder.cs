using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using VanYen.Media.Engine.Audio.Resampling;
using VanYen.Media.Engine.Audio.Wav;

namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>
/// Reads a 16-bit PCM WAV stream (as espeak-ng writes it to stdout: 22 050 Hz, lengths left as
/// placeholders) from a <see cref="PipeReader"/> and resamples it to 48 kHz mono.
/// </summary>
internal static class WavSpeechDecoder
{
    // 4096 input samples per resampler call: small enough for the pool, big enough to amortise the call.
    private const int ChunkBytes = 8192;

    /// <exception cref="InvalidDataException">The stream is not a 16-bit PCM WAV at a supported rate.</exception>
    public static async Task<SynthesizedSpeech> ReadAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        WavHeader header = await ReadHeaderAsync(reader, cancellationToken).ConfigureAwait(false);
        if (!header.IsPcm16 || header.ChannelCount > 2)
        {
            throw new InvalidDataException($"expected 16-bit PCM mono or stereo, got format {header.FormatTag}, {header.BitsPerSample} bits, {header.ChannelCount} channels");
        }

        if (header.SampleRate is < AudioResampler.MinimumRate or > AudioResampler.MaximumRate)
        {
            throw new InvalidDataException($"unsupported sample rate {header.SampleRate} Hz");
        }

        using var resampler = new AudioResampler(header.SampleRate, SynthesizedSpeech.SampleRate);
        using var output = new PooledSampleBuffer(SynthesizedSpeech.SampleRate * 4);
        byte[] scratch = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        short[] mono = ArrayPool<short>.Shared.Rent(ChunkBytes / 2);
        short[] resampled = ArrayPool<short>.Shared.Rent(resampler.MaxOutputLength(ChunkBytes / 2));
        try
        {
            var state = new DecodeState(resampler.OutputLatency);
            long remaining = header.IsDataLengthUnknown ? long.MaxValue : header.DeclaredDataLength;
            while (remaining > 0)
            {
                ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                long usable = Math.Min(buffer.Length, remaining);
                usable -= usable % header.BlockAlign;
                if (usable == 0)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    if (result.IsCompleted)
                    {
                        break;
                    }

                    continue;
                }

                for (long consumed = 0; consumed < usable;)
                {
                    int length = (int)Math.Min(ChunkBytes, usable - consumed);
                    buffer.Slice(consumed, length).CopyTo(scratch);
                    int frames = ToMono(scratch.AsSpan(0, length), header.ChannelCount, mono);
                    int produced = resampler.Process(mono.AsSpan(0, frames), resampled);
                    state.Append(output, resampled.AsSpan(0, produced));
                    state.InputFrames += frames;
                    consumed += length;
                }

                remaining -= usable;
                reader.AdvanceTo(buffer.GetPosition(usable));
            }

            // Push the filter's delayed tail out with silence, then cut to the exact resampled length.
            long expected = ((state.InputFrames * SynthesizedSpeech.SampleRate) + (header.SampleRate / 2)) / header.SampleRate;
            mono.AsSpan(0, 256).Clear();
            while (output.Length < expected)
            {
                int produced = resampler.Process(mono.AsSpan(0, 256), resampled);
                state.Append(output, resampled.AsSpan(0, produced));
            }

            output.Truncate((int)expected);
            return output.Detach();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
            ArrayPool<short>.Shared.Return(mono);
            ArrayPool<short>.Shared.Return(resampled);
        }
    }

    private static async Task<WavHeader> ReadHeaderAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            WavHeaderStatus status = ParseHeader(buffer, out WavHeader header);
            if (status == WavHeaderStatus.Complete)
            {
                reader.AdvanceTo(buffer.GetPosition(header.DataOffset));
                return header;
            }

            if (status == WavHeaderStatus.Invalid || result.IsCompleted || buffer.Length >= WavHeader.MaxHeaderLength)
            {
                reader.AdvanceTo(buffer.End);
                throw new InvalidDataException(buffer.Length == 0 ? "no audio was written" : "the output is not a WAV stream");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static WavHeaderStatus ParseHeader(ReadOnlySequence<byte> buffer, out WavHeader header)
    {
        if (buffer.IsSingleSegment)
        {
            return WavHeader.Read(buffer.FirstSpan, out header);
        }

        int length = (int)Math.Min(buffer.Length, WavHeader.MaxHeaderLength);
        byte[] copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            buffer.Slice(0, length).CopyTo(copy);
            return WavHeader.Read(copy.AsSpan(0, length), out header);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static int ToMono(Span<byte> bytes, int channels, Span<short> mono)
    {
        Span<short> samples = MemoryMarshal.Cast<byte, short>(bytes);
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(samples, samples);
        }

        if (channels == 1)
        {
            samples.CopyTo(mono);
            return samples.Length;
        }

        return ChannelConverter.StereoToMono(samples, mono);
    }

    private sealed class DecodeState(int latency)
    {
        private int _skip = latency;

        public long InputFrames { get; set; }

        // The resampler starts with OutputLatency samples of its own silence: drop them.
        public void Append(PooledSampleBuffer output, ReadOnlySpan<short> samples)
        {
            int skipped = Math.Min(_skip, samples.Length);
            _skip -= skipped;
            output.Append(samples[skipped..]);
        }
    }
}
