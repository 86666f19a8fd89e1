using VanYen.Media.Engine.Audio;

namespace VanYen.Media.Engine.Sources;

/// <summary>
/// Plays another source for a limited time, then reports the end of the stream: after an amount of audio
/// (e.g. a 30-minute slot of a relay), or at a wall-clock time (a relay scheduled 06:00–06:30 ends at 06:30 even
/// if a bulletin interrupted it). Disposing it disposes the inner source.
/// </summary>
public sealed class TimeLimitedSource : IAudioSource
{
    private readonly IAudioSource _inner;
    private readonly long _maxFrames;
    private readonly DateTimeOffset _endsAt;
    private readonly TimeProvider? _timeProvider;
    private long _frames;

    /// <summary>Ends <paramref name="inner"/> after <paramref name="duration"/> of audio has been read (rounded up to whole 20 ms frames).</summary>
    public TimeLimitedSource(IAudioSource inner, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _inner = inner;
        _maxFrames = (long)Math.Ceiling(duration.TotalMilliseconds / PcmFrame.DurationMilliseconds);
        _endsAt = DateTimeOffset.MaxValue;
    }

    /// <summary>Ends <paramref name="inner"/> at <paramref name="endsAt"/> by <paramref name="timeProvider"/>'s clock.</summary>
    public TimeLimitedSource(IAudioSource inner, DateTimeOffset endsAt, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _inner = inner;
        _maxFrames = long.MaxValue;
        _endsAt = endsAt;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public string Description => _inner.Description;

    /// <summary>Frames handed out so far.</summary>
    public long FramesRead => _frames;

    /// <inheritdoc />
    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        if (frame.Length < PcmFrame.SamplesPerFrame)
        {
            throw new ArgumentException($"A frame holds {PcmFrame.SamplesPerFrame} samples; got {frame.Length}.", nameof(frame));
        }

        if (_frames >= _maxFrames || (_timeProvider is not null && _timeProvider.GetUtcNow() >= _endsAt))
        {
            return ValueTask.FromResult(AudioSourceReadResult.EndOfStream);
        }

        ValueTask<AudioSourceReadResult> read = _inner.ReadFrameAsync(frame, cancellationToken);
        if (read.IsCompletedSuccessfully)
        {
            AudioSourceReadResult result = read.Result;
            if (result == AudioSourceReadResult.Frame)
            {
                _frames++;
            }

            return ValueTask.FromResult(result);
        }

        return CountAsync(read);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private async ValueTask<AudioSourceReadResult> CountAsync(ValueTask<AudioSourceReadResult> read)
    {
        AudioSourceReadResult result = await read.ConfigureAwait(false);
        if (result == AudioSourceReadResult.Frame)
        {
            _frames++;
        }

        return result;
    }
}
