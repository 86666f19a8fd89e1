namespace VanYen.Media.Engine.Broadcast;

/// <summary>
/// Measures what a cluster plays: attached to its <see cref="ClusterChannel"/> like any receiver, it sums the energy
/// and the peak of each tick's PCM (after gain and limiting, i.e. what the horns get); a reader takes the level of
/// the ticks since its last read a few times a second, for the consoles' meters.
/// </summary>
/// <remarks>
/// <see cref="OnFrame"/> runs on the media clock's thread every 20 ms and allocates nothing; an idle tick carries
/// zeros by contract (<see cref="ClusterFrame.Pcm"/>), so it is counted without reading the samples. The short
/// lock only guards the handful of accumulators against a concurrent <see cref="Take"/>.
/// </remarks>
public sealed class ClusterLevelMeter : IClusterSink
{
    /// <summary>The level reported for digital silence (the floor of 16-bit PCM is about -96 dBFS).</summary>
    public const double SilenceDbfs = -96;

    private const double FullScale = 32768;

    private readonly Lock _lock = new();
    private long _sumOfSquares;
    private long _samples;
    private int _peak;
    private int _frames;
    private bool _onAir;

    /// <inheritdoc />
    public void OnFrame(in ClusterFrame frame)
    {
        long sumOfSquares = 0;
        int peak = 0;
        ReadOnlySpan<short> pcm = frame.Pcm;
        bool onAir = !frame.IsIdle;
        if (onAir)
        {
            for (int i = 0; i < pcm.Length; i++)
            {
                int sample = pcm[i];
                sumOfSquares += sample * sample;
                int magnitude = sample < 0 ? -sample : sample;
                if (magnitude > peak)
                {
                    peak = magnitude;
                }
            }
        }

        lock (_lock)
        {
            _sumOfSquares += sumOfSquares;
            _samples += pcm.Length;
            _frames++;
            _onAir |= onAir;
            if (peak > _peak)
            {
                _peak = peak;
            }
        }
    }

    /// <summary>The level of the ticks since the previous call, and a fresh window.</summary>
    public ClusterLevel Take()
    {
        long sumOfSquares;
        long samples;
        int peak;
        int frames;
        bool onAir;
        lock (_lock)
        {
            sumOfSquares = _sumOfSquares;
            samples = _samples;
            peak = _peak;
            frames = _frames;
            onAir = _onAir;
            _sumOfSquares = 0;
            _samples = 0;
            _peak = 0;
            _frames = 0;
            _onAir = false;
        }

        double rms = samples == 0 ? 0 : Math.Sqrt(sumOfSquares / (double)samples);
        return new ClusterLevel(ToDbfs(rms), ToDbfs(peak), onAir, frames);
    }

    /// <summary>20·log10(amplitude / 32768), floored at <see cref="SilenceDbfs"/>.</summary>
    public static double ToDbfs(double amplitude)
    {
        if (amplitude <= 0)
        {
            return SilenceDbfs;
        }

        return Math.Max(SilenceDbfs, 20 * Math.Log10(amplitude / FullScale));
    }
}
