using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Integration.Tests.Meetings;

/// <summary>The mix as a silent live source that tells whether it was disposed.</summary>
internal sealed class FakeMixSource(string description) : IAudioSource
{
    public string Description { get; } = description;

    public bool Disposed { get; private set; }

    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        if (Disposed)
        {
            return ValueTask.FromResult(AudioSourceReadResult.EndOfStream);
        }

        frame.Span[..960].Clear();
        return ValueTask.FromResult(AudioSourceReadResult.Frame);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
