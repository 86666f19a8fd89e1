namespace VanYen.Media.Engine.Rtp;

/// <summary>
/// Extends 16-bit RTP sequence numbers to 64 bits across wrap-around, so that
/// ordering and loss arithmetic work for the lifetime of a stream.
/// </summary>
/// <remarks>
/// Follows the idea of RFC 3550 Appendix A.1: a new number is taken to be the
/// one closest to the highest seen so far (within half the 16-bit space), so a
/// late packet from before a wrap is placed before it, not 65536 ahead.
/// A mutable struct: keep it in a field, never copy it.
/// </remarks>
public struct SequenceNumberUnwrapper
{
    private long _highest;
    private bool _started;

    /// <summary>The highest extended sequence number seen, or -1 before the first.</summary>
    public readonly long Highest => _started ? _highest : -1;

    /// <summary>Returns the extended sequence number for <paramref name="sequence"/> and advances the highest seen when it is newer.</summary>
    public long Unwrap(ushort sequence)
    {
        if (!_started)
        {
            _started = true;
            // Start one cycle up so that packets from just before the first one stay non-negative.
            _highest = 65536L + sequence;
            return _highest;
        }

        long extended = Peek(sequence);
        if (extended > _highest)
        {
            _highest = extended;
        }

        return extended;
    }

    /// <summary>Returns the extended sequence number <paramref name="sequence"/> would get, without changing state.</summary>
    public readonly long Peek(ushort sequence)
    {
        if (!_started)
        {
            return 65536L + sequence;
        }

        int delta = (short)(sequence - (ushort)_highest);
        return _highest + delta;
    }

    /// <summary>Forgets the stream, e.g. after an SSRC change.</summary>
    public void Reset()
    {
        _started = false;
        _highest = 0;
    }
}
