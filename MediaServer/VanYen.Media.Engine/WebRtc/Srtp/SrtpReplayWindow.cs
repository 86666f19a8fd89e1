namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>
/// The replay list of RFC 3711 §3.3.2: a sliding bitmap of the packet indices accepted
/// within <see cref="Size"/> of the highest one. Browsers reorder (and NACK-retransmit)
/// well beyond the RFC's minimum of 64, so the window is larger.
/// </summary>
internal sealed class SrtpReplayWindow
{
    private readonly ulong[] _bits;
    private readonly long _mask;
    private long _highest = -1;

    /// <param name="size">Window size in packets, a power of two and at least 64.</param>
    public SrtpReplayWindow(int size)
    {
        if (size < 64 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The replay window must be a power of two of at least 64.");
        }

        _bits = new ulong[size / 64];
        _mask = size - 1;
        Size = size;
    }

    public int Size { get; }

    /// <summary>The highest index accepted, or -1 before the first.</summary>
    public long Highest => _highest;

    /// <summary>Says whether <paramref name="index"/> may be accepted, without changing state.</summary>
    public SrtpUnprotectResult Check(long index)
    {
        if (index > _highest)
        {
            return SrtpUnprotectResult.Ok;
        }

        if (_highest - index >= Size)
        {
            return SrtpUnprotectResult.TooOld;
        }

        return IsSet(index) ? SrtpUnprotectResult.ReplayDetected : SrtpUnprotectResult.Ok;
    }

    /// <summary>Records <paramref name="index"/> as received; call only after the packet authenticated.</summary>
    public void Accept(long index)
    {
        if (index > _highest)
        {
            long advance = _highest < 0 ? Size : index - _highest;
            if (advance >= Size)
            {
                Array.Clear(_bits);
            }
            else
            {
                // The slots the window slides over now stand for new, unseen indices.
                for (long slot = _highest + 1; slot < index; slot++)
                {
                    Clear(slot);
                }
            }

            _highest = index;
        }

        Set(index);
    }

    private bool IsSet(long index)
    {
        long bit = index & _mask;
        return (_bits[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    private void Set(long index)
    {
        long bit = index & _mask;
        _bits[bit >> 6] |= 1UL << (int)(bit & 63);
    }

    private void Clear(long index)
    {
        long bit = index & _mask;
        _bits[bit >> 6] &= ~(1UL << (int)(bit & 63));
    }
}
