using System.IO.Pipelines;
using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.Engine.Delivery.Streams;

/// <summary>
/// A cluster's MP3 stream for legacy IP speakers: ONE ffmpeg process per cluster encodes the cluster's PCM (the
/// program, or silence when idle) to MP3 and its output is fanned out to every MP3 listener (encode once).
/// </summary>
/// <remarks>
/// The encoder starts with the first listener (the stream attaches itself to the cluster's channel then) and stops
/// after the last one leaves. Each listener starts at the next MP3 frame header and has its own bounded queue: one
/// that falls more than <see cref="Mp3ClusterStreamOptions.MaxLag"/> behind is dropped, the others go on.
/// </remarks>
public sealed class Mp3ClusterStream : IClusterSink, IAsyncDisposable
{
    private readonly ClusterChannel _channel;
    private readonly Mp3ClusterStreamOptions _options;
    private readonly Lock _lock = new();
    private readonly List<Task> _stopping = [];
    private volatile Mp3Listener[] _listeners = [];
    private volatile Mp3EncoderProcess? _encoder;
    private IDisposable? _attachment;
    private long _encoderStarts;
    private bool _disposed;

    /// <summary>Creates the stream of <paramref name="channel"/>'s cluster; nothing runs before the first listener.</summary>
    public Mp3ClusterStream(ClusterChannel channel, Mp3ClusterStreamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _channel = channel;
        _options = options ?? new Mp3ClusterStreamOptions();
    }

    /// <summary>The cluster.</summary>
    public long ClusterId => _channel.ClusterId;

    /// <summary>Listeners connected now.</summary>
    public int ListenerCount => _listeners.Length;

    /// <summary>True while the ffmpeg encoder runs.</summary>
    public bool IsEncoding => _encoder is not null;

    /// <summary>ffmpeg processes started so far (one per period with listeners).</summary>
    public long EncoderStarts => Interlocked.Read(ref _encoderStarts);

    /// <summary>PCM frames the running encoder could not take in time (dropped, counted).</summary>
    public long FramesDropped => _encoder?.FramesDropped ?? 0;

    /// <inheritdoc/>
    public void OnFrame(in ClusterFrame frame) => _encoder?.Write(frame.Pcm);

    /// <summary>
    /// Streams the cluster as MP3 into <paramref name="output"/> until the listener goes away
    /// (<paramref name="cancellationToken"/>), falls too far behind, or the encoder stops. Does not complete
    /// <paramref name="output"/>. Throws <see cref="InvalidOperationException"/> when ffmpeg cannot start.
    /// </summary>
    public async Task<ClusterStreamEnd> CopyToAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var listener = new Mp3Listener((int)(_options.Bitrate / 8 * _options.MaxLag.TotalSeconds));
        Add(listener);
        ClusterStreamMetrics.ListenerJoined("mp3");
        try
        {
            await listener.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ClusterStreamMetrics.ListenerLeft("mp3");
            Remove(listener);
        }

        return listener.WasDropped ? ClusterStreamEnd.TooSlow
            : cancellationToken.IsCancellationRequested ? ClusterStreamEnd.ClientGone
            : ClusterStreamEnd.Stopped;
    }

    /// <summary>Ends every listener and stops the encoder.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] stopping;
        lock (_lock)
        {
            _disposed = true;
            foreach (Mp3Listener listener in _listeners)
            {
                listener.Complete();
            }

            StopEncoderLocked();
            stopping = [.. _stopping];
        }

        await Task.WhenAll(stopping).ConfigureAwait(false);
    }

    private void Add(Mp3Listener listener)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_encoder is null)
            {
                Mp3EncoderProcess encoder = Mp3EncoderProcess.Start(_options, FanOut);
                Interlocked.Increment(ref _encoderStarts);
                _encoder = encoder;
                _attachment = _channel.Attach(this);
                _ = encoder.Completion.ContinueWith(_ => OnEncoderEnded(encoder), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            _listeners = [.. _listeners, listener];
        }
    }

    private void Remove(Mp3Listener listener)
    {
        lock (_lock)
        {
            _listeners = Array.FindAll(_listeners, other => !ReferenceEquals(other, listener));
            if (_listeners.Length == 0)
            {
                StopEncoderLocked();
            }
        }
    }

    private void StopEncoderLocked()
    {
        _attachment?.Dispose();
        _attachment = null;
        if (_encoder is { } encoder)
        {
            _encoder = null;
            _stopping.RemoveAll(task => task.IsCompleted);
            _stopping.Add(encoder.StopAsync());
        }
    }

    private void OnEncoderEnded(Mp3EncoderProcess encoder)
    {
        // ffmpeg died while listeners were connected: end them (they reconnect and get a fresh encoder).
        lock (_lock)
        {
            if (!ReferenceEquals(_encoder, encoder))
            {
                return;
            }

            foreach (Mp3Listener listener in _listeners)
            {
                listener.Complete();
            }

            StopEncoderLocked();
        }
    }

    // On the encoder's output reader: every listener gets the same bytes (each copies them into its own queue).
    private void FanOut(ReadOnlySpan<byte> mp3)
    {
        Mp3Listener[] listeners = _listeners;
        for (int i = 0; i < listeners.Length; i++)
        {
            listeners[i].Offer(mp3);
        }
    }
}
