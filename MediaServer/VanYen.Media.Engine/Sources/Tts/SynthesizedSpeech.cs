using System.Buffers;

namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>
/// One rendered utterance: 48 kHz mono 16-bit PCM in a buffer rented from <see cref="ArrayPool{T}.Shared"/>,
/// returned on <see cref="Dispose"/>. The owner disposes it exactly once and does not touch it afterwards.
/// </summary>
public sealed class SynthesizedSpeech : IDisposable
{
    /// <summary>Sample rate of every rendering, in hertz.</summary>
    public const int SampleRate = 48_000;

    private short[]? _buffer;

    private SynthesizedSpeech(short[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>Number of samples.</summary>
    public int Length { get; private set; }

    /// <summary>The samples (48 kHz, mono).</summary>
    public ReadOnlyMemory<short> Samples => _buffer is null ? ReadOnlyMemory<short>.Empty : _buffer.AsMemory(0, Length);

    /// <summary>Duration of the samples.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Length / (double)SampleRate);

    /// <summary>Copies <paramref name="samples"/> into a new pooled rendering.</summary>
    public static SynthesizedSpeech Copy(ReadOnlySpan<short> samples)
    {
        short[] buffer = ArrayPool<short>.Shared.Rent(Math.Max(samples.Length, 1));
        samples.CopyTo(buffer);
        return new SynthesizedSpeech(buffer, samples.Length);
    }

    /// <summary>Takes ownership of a buffer rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
    internal static SynthesizedSpeech FromRented(short[] buffer, int length) => new(buffer, length);

    /// <inheritdoc />
    public void Dispose()
    {
        short[]? buffer = Interlocked.Exchange(ref _buffer, null);
        Length = 0;
        if (buffer is not null)
        {
            ArrayPool<short>.Shared.Return(buffer);
        }
    }
}
