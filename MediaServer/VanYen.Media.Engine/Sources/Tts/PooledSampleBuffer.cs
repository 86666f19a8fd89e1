using System.Buffers;

namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>A growable run of samples in <see cref="ArrayPool{T}.Shared"/> arrays, handed over as a <see cref="SynthesizedSpeech"/>.</summary>
internal sealed class PooledSampleBuffer : IDisposable
{
    private short[] _buffer;

    public PooledSampleBuffer(int initialCapacity)
    {
        _buffer = ArrayPool<short>.Shared.Rent(Math.Max(initialCapacity, 1024));
    }

    public int Length { get; private set; }

    public void Append(ReadOnlySpan<short> samples)
    {
        EnsureCapacity(Length + samples.Length);
        samples.CopyTo(_buffer.AsSpan(Length));
        Length += samples.Length;
    }

    public void AppendSilence(int count)
    {
        EnsureCapacity(Length + count);
        _buffer.AsSpan(Length, count).Clear();
        Length += count;
    }

    public void Truncate(int length) => Length = Math.Min(Length, Math.Max(length, 0));

    /// <summary>Hands the samples over; the buffer is empty (and owns nothing) afterwards.</summary>
    public SynthesizedSpeech Detach()
    {
        SynthesizedSpeech speech = SynthesizedSpeech.FromRented(_buffer, Length);
        _buffer = [];
        Length = 0;
        return speech;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<short>.Shared.Return(_buffer);
        }

        _buffer = [];
        Length = 0;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length)
        {
            return;
        }

        short[] larger = ArrayPool<short>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        if (_buffer.Length > 0)
        {
            ArrayPool<short>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }
}
