using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>Ends a source after a number of 20 ms frames (a relay from 06:00 to 06:30 plays 90 000 frames).</summary>
internal sealed class TimeLimitedAudioSource : IAudioSource
{
    private readonly IAudioSource _inner;
    private long _framesLeft;

    public TimeLimitedAudioSource(IAudioSource inner, TimeSpan limit)
    {
        _inner = inner;
        _framesLeft = (long)Math.Ceiling(limit.TotalMilliseconds / PcmFrame.DurationMilliseconds);
    }

    public string Description => _inner.Description;

    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        if (_framesLeft <= 0)
        {
            return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.EndOfStream);
        }

        _framesLeft--;
        return _inner.ReadFrameAsync(frame, cancellationToken);
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
