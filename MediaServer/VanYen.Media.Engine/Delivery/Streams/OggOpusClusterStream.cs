using System.IO.Pipelines;
using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.Engine.Delivery.Streams;

/// <summary>
/// One HTTP listener's Ogg Opus stream of a cluster (RFC 7845): attach it to the cluster's
/// <see cref="ClusterChannel"/> and run <see cref="CopyToAsync"/> with the response's <see cref="PipeWriter"/>.
/// Every tick's Opus packet goes out, the program's or the idle silent frame, so the stream never stalls.
/// </summary>
/// <remarks>
/// The cluster's packets are already encoded once for everyone; this stream only pages them, so no transcoding
/// happens per listener. <see cref="OnFrame"/> (the clock's thread) copies the packet into a bounded queue and
/// returns; the network write happens in <see cref="CopyToAsync"/>. A listener that falls more than
/// <see cref="OggOpusClusterStreamOptions.MaxLag"/> behind is dropped and counted.
/// </remarks>
public sealed class OggOpusClusterStream : IClusterSink, IDisposable
{
    private const string Format = "ogg";
    private const int FrameMilliseconds = 20;

    private readonly StreamChunkQueue _queue;
    private readonly OggOpusClusterStreamOptions _options;
    private readonly CancellationTokenSource _dropped = new();
    private int _dropState;
    private int _running;

    /// <summary>Creates the stream; nothing is written before <see cref="CopyToAsync"/> runs.</summary>
    public OggOpusClusterStream(OggOpusClusterStreamOptions? options = null)
    {
        _options = options ?? new OggOpusClusterStreamOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxLag, TimeSpan.FromMilliseconds(FrameMilliseconds), nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PacketsPerPage, 1, nameof(options));
        _queue = new StreamChunkQueue((int)(_options.MaxLag.TotalMilliseconds / FrameMilliseconds), ClusterChannel.MaxPayloadLength);
    }

    /// <summary>True once the listener was dropped for falling behind.</summary>
    public bool WasDropped => Volatile.Read(ref _dropState) == 1;

    /// <summary>Opus packets written to the output so far.</summary>
    public long PacketsWritten { get; private set; }

    /// <inheritdoc/>
    public void OnFrame(in ClusterFrame frame)
    {
        ReadOnlySpan<byte> payload = frame.OpusPayload;
        if (payload.IsEmpty || Volatile.Read(ref _dropState) != 0)
        {
            return;
        }

        if (!_queue.TryEnqueue(payload))
        {
            Drop();
        }
    }

    /// <summary>
    /// Writes the Ogg Opus stream (OpusHead, OpusTags, then the cluster's packets as they come) into
    /// <paramref name="output"/> until the listener goes away (<paramref name="cancellationToken"/>), falls too far
    /// behind, or the stream is disposed. Does not complete <paramref name="output"/>. Once per instance.
    /// </summary>
    public async Task<ClusterStreamEnd> CopyToAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Interlocked.Exchange(ref _running, 1) != 0)
        {
            throw new InvalidOperationException("An Ogg cluster stream is written to one listener only.");
        }

        var writerOptions = new OggOpusWriterOptions { MaxPacketsPerPage = _options.PacketsPerPage, FlushStreamAfterEachPage = true };
        if (_options.Title is { } title)
        {
            writerOptions.Comments.Add(new KeyValuePair<string, string>("TITLE", title));
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _dropped.Token);
        using CancellationTokenRegistration registration = linked.Token.UnsafeRegister(static state => ((StreamChunkQueue)state!).Complete(), _queue);
        ClusterStreamMetrics.ListenerJoined(Format);
        byte[] packet = new byte[ClusterChannel.MaxPayloadLength];
        try
        {
            await using var writer = new OggOpusWriter(output.AsStream(leaveOpen: true), writerOptions, leaveOpen: true);
            // The headers go out at once, so a player knows the format before the first page of audio.
            await writer.FlushAsync(linked.Token).ConfigureAwait(false);
            while (await _queue.WaitAsync().ConfigureAwait(false))
            {
                int length;
                while ((length = _queue.TryDequeue(packet)) >= 0)
                {
                    await writer.WritePacketAsync(packet.AsMemory(0, length), linked.Token).ConfigureAwait(false);
                    PacketsWritten++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The listener left, or was dropped (told apart below).
        }
        catch (IOException)
        {
            // The connection broke while writing.
        }
        finally
        {
            ClusterStreamMetrics.ListenerLeft(Format);
        }

        return WasDropped ? ClusterStreamEnd.TooSlow
            : cancellationToken.IsCancellationRequested ? ClusterStreamEnd.ClientGone
            : ClusterStreamEnd.Stopped;
    }

    /// <summary>Ends <see cref="CopyToAsync"/> (it returns <see cref="ClusterStreamEnd.Stopped"/> after writing what was queued).</summary>
    public void Dispose()
    {
        _queue.Complete();
        _dropped.Dispose();
    }

    private void Drop()
    {
        if (Interlocked.CompareExchange(ref _dropState, 1, 0) != 0)
        {
            return;
        }

        ClusterStreamMetrics.ListenerDropped(Format);
        _queue.Complete();
        // Cancelling runs the registered callbacks (the pending network write's); never on the clock's thread.
        ThreadPool.UnsafeQueueUserWorkItem(static source => CancelQuietly(source), _dropped, preferLocal: false);
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream ended in the meantime.
        }
    }
}
