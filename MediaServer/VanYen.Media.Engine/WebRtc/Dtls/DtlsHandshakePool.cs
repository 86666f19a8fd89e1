using System.Collections.Concurrent;
using System.Globalization;

namespace VanYen.Media.Engine.WebRtc.Dtls;

/// <summary>
/// A fixed set of dedicated threads that run BouncyCastle's blocking DTLS handshakes, so a burst of peers
/// joining never starves the thread pool that carries media. Handshakes beyond the worker count wait in a queue
/// (their <see cref="DtlsTransportOptions.HandshakeTimeout"/> keeps running).
/// </summary>
/// <remarks>
/// A worker blocks for a whole handshake (a few round trips, up to the timeout against a silent peer). When both
/// ends of a handshake live in this process (tests), the pool needs at least two workers.
/// </remarks>
public sealed class DtlsHandshakePool : IDisposable
{
    private static readonly Lazy<DtlsHandshakePool> _shared = new(() => new DtlsHandshakePool(DefaultWorkerCount, "shared"));

    private readonly BlockingCollection<Action> _work = new(new ConcurrentQueue<Action>());
    private readonly Thread[] _workers;
    private int _pending;

    /// <summary>Creates a pool with <paramref name="workerCount"/> dedicated background threads.</summary>
    public DtlsHandshakePool(int workerCount)
        : this(workerCount, null)
    {
    }

    private DtlsHandshakePool(int workerCount, string? name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workerCount, 1);
        _workers = new Thread[workerCount];
        for (int i = 0; i < workerCount; i++)
        {
            _workers[i] = new Thread(RunWorker)
            {
                IsBackground = true,
                Name = string.Create(CultureInfo.InvariantCulture, $"DTLS handshake {name} {i}"),
            };
            _workers[i].Start();
        }
    }

    /// <summary>max(4, 2 × processor count): handshakes mostly wait on the network, a little on ECDHE/ECDSA.</summary>
    public static int DefaultWorkerCount => Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>A process-wide pool with <see cref="DefaultWorkerCount"/> workers, created on first use.</summary>
    public static DtlsHandshakePool Shared => _shared.Value;

    /// <summary>Number of worker threads.</summary>
    public int WorkerCount => _workers.Length;

    /// <summary>Handshakes queued or running.</summary>
    public int PendingCount => Volatile.Read(ref _pending);

    /// <summary>Stops accepting work; the workers end once the queue is empty.</summary>
    public void Dispose() => _work.CompleteAdding();

    /// <summary>Queues a blocking handshake.</summary>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    internal void Enqueue(Action handshake)
    {
        Interlocked.Increment(ref _pending);
        try
        {
            _work.Add(handshake);
        }
        catch (InvalidOperationException exception)
        {
            Interlocked.Decrement(ref _pending);
            throw new ObjectDisposedException(nameof(DtlsHandshakePool), exception);
        }
    }

    private void RunWorker()
    {
        foreach (Action handshake in _work.GetConsumingEnumerable())
        {
            try
            {
                // The transport catches everything its handshake throws; this only keeps a bug from killing the worker.
                handshake();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                System.Diagnostics.Debug.Fail("A DTLS handshake leaked an exception: " + exception);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }
}
