using Microsoft.Extensions.Logging;
using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Relay.Sources;

/// <summary>
/// Relays an outside stream (tiếp sóng: national radio over HTTP/Icecast, HLS, RTP) as 48 kHz mono 20 ms frames,
/// decoded by ffmpeg, watching it for failure, stalls and dead air and falling back along a chain:
/// retries of the same URL, then the next URL, then the fallback source, then the end (with an alert).
/// </summary>
/// <remarks>
/// <para>
/// A background task decodes ahead into a small buffer (<see cref="BufferFrames"/> frames, 400 ms) and runs the
/// chain; <see cref="ReadFrameAsync"/> never waits for the network: it completes synchronously every call, with
/// audio when a frame is buffered and silence while connecting, reconnecting or refilling the buffer (playback
/// resumes once <see cref="PrebufferFrames"/> frames are ready, so a slow stream does not stutter frame by frame).
/// </para>
/// <para>
/// Trouble is: ffmpeg exiting or failing (connection refused, HTTP error, the stream ended) →
/// <see cref="RelayTransitionKind.Failed"/>; no data for <see cref="RelaySourceOptions.StallTimeout"/>, connecting
/// included → <see cref="RelayTransitionKind.Stalled"/>; audio below <see cref="RelaySourceOptions.SilenceThresholdDbfs"/>
/// for <see cref="RelaySourceOptions.SilenceTimeout"/> of audio → <see cref="RelayTransitionKind.Silent"/>. Every step
/// raises <see cref="Transition"/>, is logged and counted (meter "VanYen.Media.Relay", counter
/// "vanyen.relay.transitions" tagged with <c>kind</c>).
/// </para>
/// <para>
/// The chain starts on <see cref="Start"/> or the first read, so handlers attached after construction see every
/// transition. One reader at a time; <see cref="DisposeAsync"/> may be called from any thread and kills ffmpeg.
/// </para>
/// </remarks>
public sealed partial class RelaySource : IAudioSource
{
    /// <summary>Frames decoded ahead at most: 400 ms.</summary>
    public const int BufferFrames = 20;

    /// <summary>Frames buffered before playback starts or resumes after running dry: 200 ms.</summary>
    public const int PrebufferFrames = 10;

    private static readonly TimeSpan _frameDuration = TimeSpan.FromMilliseconds(20);

    private readonly RelaySourceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly FrameRing _buffer = new(BufferFrames, PcmFrame.SamplesPerFrame);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly double _silenceMeanSquare;
    private readonly long _silenceFrames;
    private readonly long _restoreFrames;
    private Task? _chain;
    private volatile bool _inputsEnded;
    private volatile Uri? _currentUrl;
    private bool _buffering = true;
    private bool _disposed;

    /// <summary>Prepares a relay of <see cref="RelaySourceOptions.Urls"/>; nothing is opened until <see cref="Start"/> or the first read.</summary>
    /// <exception cref="ArgumentException">No URL, or a negative retry count or timeout.</exception>
    public RelaySource(RelaySourceOptions options, TimeProvider timeProvider, ILogger<RelaySource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options.Urls);
        if (options.Urls.Count == 0)
        {
            throw new ArgumentException("A relay needs at least one URL.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.RetriesPerUrl);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.StallTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SilenceTimeout, TimeSpan.Zero);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        Description = "relay: " + options.Urls[0].GetLeftPart(UriPartial.Path);
        // dBFS here is the RMS relative to a full-scale square wave, as the engine's level meter measures it.
        _silenceMeanSquare = AudioLevelMeter.OverloadMeanSquare * Math.Pow(10, options.SilenceThresholdDbfs / 10);
        _silenceFrames = Math.Max(1, (long)Math.Ceiling(options.SilenceTimeout / _frameDuration));
        _restoreFrames = Math.Max(1, (long)Math.Ceiling(options.RetriesRestoredAfter / _frameDuration));
    }

    /// <summary>
    /// Raised on the relay's background task at every step (connected, failed, retrying...). Handlers must be quick;
    /// one that throws is logged and ignored.
    /// </summary>
    public event EventHandler<RelayTransition>? Transition;

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>The URL being played or connected to; null before the start, during the fallback and after the end.</summary>
    public Uri? CurrentUrl => _currentUrl;

    /// <summary>Starts connecting (idempotent); the first <see cref="ReadFrameAsync"/> calls it.</summary>
    /// <exception cref="ObjectDisposedException">The relay was disposed.</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _chain ??= Task.Run(RunChainAsync);
        }
    }

    /// <inheritdoc />
    /// <remarks>Completes synchronously every call: audio when buffered, else a frame of silence; never waits on the network.</remarks>
    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        if (frame.Length < PcmFrame.SamplesPerFrame)
        {
            ThrowFrameTooShort();
        }

        if (_chain is null)
        {
            Start();
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        Span<short> output = frame.Span[..PcmFrame.SamplesPerFrame];
        // Read before looking at the buffer: the chain sets it after its last frame is queued.
        bool ended = _inputsEnded;
        if (_buffering)
        {
            if (!ended && _buffer.Count < PrebufferFrames)
            {
                output.Clear();
                return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.Frame);
            }

            _buffering = false;
        }

        if (_buffer.TryRead(output))
        {
            return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.Frame);
        }

        if (ended)
        {
            return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.EndOfStream);
        }

        // Ran dry (a reconnect, a slow stream): silence until the buffer has refilled.
        _buffering = true;
        output.Clear();
        return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.Frame);
    }

    /// <summary>Stops the chain, kills ffmpeg and disposes the fallback source; safe from any thread, more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? chain;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            chain = _chain;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (chain is not null)
        {
            await chain.ConfigureAwait(false);
        }

        _stop.Dispose();
        _buffer.Dispose();
    }

    private static void ThrowFrameTooShort() =>
        throw new ArgumentException($"A frame holds {PcmFrame.SamplesPerFrame} samples.", "frame");

    private void Raise(RelayTransitionKind kind, Uri? url, string reason)
    {
        var transition = new RelayTransition(kind, url, reason, _timeProvider.GetUtcNow());
        RelayMetrics.Transitions.Add(1, new KeyValuePair<string, object?>("kind", RelayMetrics.TagValue(kind)));
        // The query is left out of logs: stream URLs often carry an access token there.
        string where = url is null ? "fallback" : url.GetLeftPart(UriPartial.Path);
        RelayLog.Transition(_logger, LevelOf(kind), Description, kind, where, reason);
        try
        {
            Transition?.Invoke(this, transition);
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop the relay.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            RelayLog.HandlerFailed(_logger, Description, exception);
        }
    }

    private static LogLevel LevelOf(RelayTransitionKind kind) => kind switch
    {
        RelayTransitionKind.Connected or RelayTransitionKind.Retrying => LogLevel.Information,
        RelayTransitionKind.GaveUp => LogLevel.Error,
        _ => LogLevel.Warning,
    };
}
