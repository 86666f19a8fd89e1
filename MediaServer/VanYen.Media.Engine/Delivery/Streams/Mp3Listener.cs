using System.IO.Pipelines;

namespace VanYen.Media.Engine.Delivery.Streams;

/// <summary>One MP3 listener: its bounded queue of MP3 bytes (filled by the encoder's reader) and its network writes.</summary>
internal sealed class Mp3Listener
{
    private const int ChunkSize = 4096;
    private const int SlotCount = 64;

    private readonly StreamChunkQueue _queue;
    private readonly CancellationTokenSource _dropped = new();
    private bool _synchronized;
    private int _dropState;

    public Mp3Listener(int byteBudget)
    {
        _queue = new StreamChunkQueue(SlotCount, ChunkSize, Math.Max(byteBudget, ChunkSize));
    }

    public bool WasDropped => Volatile.Read(ref _dropState) == 1;

    /// <summary>Largest chunk <see cref="Offer"/> takes at once.</summary>
    public static int MaxChunk => ChunkSize;

    /// <summary>Queues encoder output (at most <see cref="MaxChunk"/> bytes); the first bytes queued start at a frame header. False when the listener was just dropped.</summary>
    public bool Offer(ReadOnlySpan<byte> mp3)
    {
        if (Volatile.Read(ref _dropState) != 0)
        {
            return true;
        }

        if (!_synchronized)
        {
            // A player decodes from a frame header (0xFFE sync); what comes before it is the tail of a frame it cannot use.
            int start = Mp3FrameHeader.FindFrameStart(mp3);
            if (start < 0)
            {
                return true;
            }

            mp3 = mp3[start..];
            _synchronized = true;
        }

        if (_queue.TryEnqueue(mp3))
        {
            return true;
        }

        if (Interlocked.CompareExchange(ref _dropState, 1, 0) == 0)
        {
            ClusterStreamMetrics.ListenerDropped("mp3");
            _queue.Complete();
            ThreadPool.UnsafeQueueUserWorkItem(static source => CancelQuietly(source), _dropped, preferLocal: false);
        }

        return false;
    }

    /// <summary>Ends the listener after what is queued.</summary>
    public void Complete() => _queue.Complete();

    public async Task CopyToAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _dropped.Token);
        using CancellationTokenRegistration registration = linked.Token.UnsafeRegister(static state => ((StreamChunkQueue)state!).Complete(), _queue);
        try
        {
            while (await _queue.WaitAsync().ConfigureAwait(false))
            {
                int length;
                while ((length = _queue.TryDequeue(output.GetSpan(ChunkSize))) >= 0)
                {
                    output.Advance(length);
                    FlushResult flushed = await output.FlushAsync(linked.Token).ConfigureAwait(false);
                    if (flushed.IsCompleted || flushed.IsCanceled)
                    {
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The listener left or was dropped.
        }
        catch (IOException)
        {
            // The connection broke while writing.
        }
        catch (InvalidOperationException)
        {
            // The response was completed under us (the request ended).
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The listener ended in the meantime.
        }
    }
}
