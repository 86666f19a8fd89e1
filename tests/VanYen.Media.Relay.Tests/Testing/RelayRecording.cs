using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Tests.Sources.Files;
using VanYen.Media.Relay.Sources;

namespace VanYen.Media.Relay.Tests.Testing;

/// <summary>
/// What a relay played when read like the program bus reads it (one frame per 20 ms tick): the samples, the
/// transitions with the frame count at which each was seen, whether it ended, and whether any read had to wait.
/// </summary>
internal sealed class RelayRecording
{
    private const int WindowLength = 4800;

    private readonly List<short> _samples = [];
    private readonly List<(RelayTransition Transition, int Frame)> _transitions = [];

    public IReadOnlyList<short> Samples => _samples;

    public bool Ended { get; private set; }

    public int ReadsThatWaited { get; private set; }

    public int Frames { get; private set; }

    public IReadOnlyList<(RelayTransition Transition, int Frame)> Transitions
    {
        get
        {
            lock (_transitions)
            {
                return [.. _transitions];
            }
        }
    }

    public RelayTransitionKind[] Kinds => [.. Transitions.Select(entry => entry.Transition.Kind)];

    /// <summary>Reads <paramref name="source"/> every 20 ms until it ends or <paramref name="deadline"/> passes (a generous bound, not a check).</summary>
    public static async Task<RelayRecording> PlayAsync(RelaySource source, TimeSpan deadline, Func<RelayRecording, bool>? stopWhen = null)
    {
        var recording = new RelayRecording();
        source.Transition += (_, transition) =>
        {
            lock (recording._transitions)
            {
                recording._transitions.Add((transition, recording.Frames));
            }
        };

        short[] frame = new short[960];
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < deadline && await timer.WaitForNextTickAsync())
        {
            ValueTask<AudioSourceReadResult> read = source.ReadFrameAsync(frame, CancellationToken.None);
            if (!read.IsCompleted)
            {
                recording.ReadsThatWaited++;
            }

            if (await read == AudioSourceReadResult.EndOfStream)
            {
                recording.Ended = true;
                break;
            }

            recording._samples.AddRange(frame);
            recording.Frames++;
            if (stopWhen?.Invoke(recording) == true)
            {
                break;
            }
        }

        return recording;
    }

    /// <summary>
    /// The tones heard, in order: each 100 ms window is labelled with the candidate frequency holding most of its
    /// energy (quiet and mixed windows are skipped), and runs shorter than 3 windows are ignored as glitches.
    /// </summary>
    public int[] ToneSequence(params int[] candidates) => [.. ToneRuns(candidates).Select(run => run.Frequency)];

    /// <summary>The first frame of the first run of <paramref name="frequency"/>, or -1.</summary>
    public int FirstFrameOf(int frequency, params int[] candidates)
    {
        foreach ((int tone, int startWindow) in ToneRuns(candidates))
        {
            if (tone == frequency)
            {
                return startWindow * WindowLength / 960;
            }
        }

        return -1;
    }

    /// <summary>Windows (100 ms) quieter than −40 dBFS.</summary>
    public int QuietWindowCount()
    {
        int quiet = 0;
        for (int start = 0; start + WindowLength <= _samples.Count; start += WindowLength)
        {
            quiet += MeanSquare(start) < 32768.0 * 32768.0 * 1e-4 ? 1 : 0;
        }

        return quiet;
    }

    private List<(int Frequency, int StartWindow)> ToneRuns(int[] candidates)
    {
        short[] all = [.. _samples];
        var runs = new List<(int Frequency, int StartWindow, int Length)>();
        for (int window = 0; (window + 1) * WindowLength <= all.Length; window++)
        {
            int start = window * WindowLength;
            if (MeanSquare(start) < 32768.0 * 32768.0 * 1e-4)
            {
                continue;
            }

            ReadOnlySpan<short> samples = all.AsSpan(start, WindowLength);
            int best = 0;
            double bestPower = 0.5;
            foreach (int candidate in candidates)
            {
                double power = AudioAnalysis.RelativePower(samples, candidate);
                if (power > bestPower)
                {
                    bestPower = power;
                    best = candidate;
                }
            }

            if (best == 0)
            {
                continue;
            }

            if (runs.Count > 0 && runs[^1].Frequency == best)
            {
                runs[^1] = (best, runs[^1].StartWindow, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((best, window, 1));
            }
        }

        var merged = new List<(int Frequency, int StartWindow)>();
        foreach ((int frequency, int startWindow, int length) in runs)
        {
            if (length >= 3 && (merged.Count == 0 || merged[^1].Frequency != frequency))
            {
                merged.Add((frequency, startWindow));
            }
        }

        return merged;
    }

    private double MeanSquare(int start)
    {
        double sum = 0;
        for (int i = start; i < start + WindowLength; i++)
        {
            sum += (double)_samples[i] * _samples[i];
        }

        return sum / WindowLength;
    }
}
