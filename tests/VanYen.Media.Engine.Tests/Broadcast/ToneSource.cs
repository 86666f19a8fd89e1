using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Engine.Tests.Broadcast;

/// <summary>
/// A test source: a sum of two sines with a slow amplitude swell (so correlation has one clear peak), for a number
/// of frames or forever. Sample n of the stream is always <see cref="SampleAt(long)"/>(n), so a test can tell exactly where
/// the stream was when it paused and resumed. Throws if a second read starts before the first completed.
/// </summary>
internal sealed class ToneSource(double frequency, double amplitude = 0.25, int? frames = null) : IAudioSource
{
    private long _position;
    private int _reading;

    public string Description => $"tone {frequency} Hz";

    /// <summary>Frames handed out so far.</summary>
    public long FramesRead => _position / 960;

    public bool IsDisposed { get; private set; }

    /// <summary>Throw on the read after this many frames (a dying source).</summary>
    public int? FailAfterFrames { get; init; }

    public static short SampleAt(double frequency, double amplitude, long n)
    {
        double t = n / 48000.0;
        double swell = 0.6 + (0.4 * Math.Sin(2 * Math.PI * 1.3 * t));
        double value = amplitude * swell * ((0.7 * Math.Sin(2 * Math.PI * frequency * t)) + (0.3 * Math.Sin(2 * Math.PI * frequency * 2.37 * t)));
        return (short)Math.Round(value * 32767);
    }

    public short SampleAt(long n) => SampleAt(frequency, amplitude, n);

    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
        {
            throw new InvalidOperationException("Two reads at once.");
        }

        try
        {
            if (FailAfterFrames is int failAfter && FramesRead >= failAfter)
            {
                throw new IOException("The tone broke.");
            }

            if (frames is int count && FramesRead >= count)
            {
                return ValueTask.FromResult(AudioSourceReadResult.EndOfStream);
            }

            Span<short> span = frame.Span;
            for (int i = 0; i < 960; i++)
            {
                span[i] = SampleAt(_position + i);
            }

            _position += 960;
            return ValueTask.FromResult(AudioSourceReadResult.Frame);
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    public ValueTask DisposeAsync()
    {
        IsDisposed = true;
        return ValueTask.CompletedTask;
    }
}
