using System.Diagnostics.CodeAnalysis;

namespace VanYen.Media.Engine.Audio;

/// <summary>
/// A bounded, thread-safe pool of <see cref="PcmFrame"/>s. Frames are created
/// on demand up to <see cref="Capacity"/> (or all up front), then reused, so
/// renting allocates nothing once the pool is warm.
/// </summary>
/// <remarks>
/// When every frame is rented, <see cref="TryRent"/> returns false and the
/// exhaustion is counted rather than growing without bound: the caller drops
/// or conceals that frame, and <see cref="ExhaustionCount"/> tells the operator
/// the pool is too small (or a frame is leaking).
/// </remarks>
public sealed class PcmFramePool
{
    private readonly Lock _lock = new();
    private readonly PcmFrame[] _free;
    private int _freeCount;
    private int _created;
    private long _exhaustionCount;
    private long _rentCount;

    /// <summary>Creates a pool of at most <paramref name="capacity"/> frames, <paramref name="preallocate"/> of them created now.</summary>
    public PcmFramePool(int capacity, int preallocate = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegative(preallocate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(preallocate, capacity);
        _free = new PcmFrame[capacity];
        for (int i = 0; i < preallocate; i++)
        {
            _free[_freeCount++] = new PcmFrame(this);
        }

        _created = preallocate;
    }

    /// <summary>Most frames this pool will ever hold.</summary>
    public int Capacity => _free.Length;

    /// <summary>Frames created so far (at most <see cref="Capacity"/>).</summary>
    public int Created
    {
        get
        {
            lock (_lock)
            {
                return _created;
            }
        }
    }

    /// <summary>Frames that can be rented right now without exhaustion.</summary>
    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _freeCount + (_free.Length - _created);
            }
        }
    }

    /// <summary>How many rents failed because every frame was out.</summary>
    public long ExhaustionCount => Interlocked.Read(ref _exhaustionCount);

    /// <summary>How many rents succeeded.</summary>
    public long RentCount => Interlocked.Read(ref _rentCount);

    /// <summary>
    /// Rents a frame with <see cref="PcmFrame.SampleCount"/> = 960 and a silent level; its samples hold old data.
    /// Returns false (and counts it) when all <see cref="Capacity"/> frames are rented.
    /// </summary>
    public bool TryRent([NotNullWhen(true)] out PcmFrame? frame)
    {
        PcmFrame? rented = null;
        bool mustCreate = false;
        lock (_lock)
        {
            if (_freeCount > 0)
            {
                rented = _free[--_freeCount];
                _free[_freeCount] = null!;
            }
            else if (_created < _free.Length)
            {
                _created++;
                mustCreate = true;
            }
        }

        if (mustCreate)
        {
            // Warm-up only: the pool never creates more than Capacity frames.
            rented = new PcmFrame(this);
        }

        if (rented is null)
        {
            Interlocked.Increment(ref _exhaustionCount);
            frame = null;
            return false;
        }

        rented.ResetMetadata();
        rented.IsRented = true;
        Interlocked.Increment(ref _rentCount);
        frame = rented;
        return true;
    }

    /// <summary>Gives <paramref name="frame"/> back. Throws if it belongs to another pool or was already returned (a bug, not bad input).</summary>
    public void Return(PcmFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!ReferenceEquals(frame.Owner, this))
        {
            throw new ArgumentException("The frame belongs to another pool.", nameof(frame));
        }

        lock (_lock)
        {
            if (!frame.IsRented)
            {
                throw new InvalidOperationException("The frame was returned twice.");
            }

            frame.IsRented = false;
            _free[_freeCount++] = frame;
        }
    }
}
