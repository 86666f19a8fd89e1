namespace VanYen.Media.Engine.WebRtc.Ice;

// Plain Interlocked counters, read by the host's metrics (e.g. observable counters on a Meter).
public sealed partial class IceLiteAgent
{
    private long _checksReceived;
    private long _checksAnswered;
    private long _ignored;
    private long _droppedMalformed;
    private long _droppedUnauthenticated;
    private long _droppedUnknownUfrag;
    private long _droppedRemoteUfragMismatch;
    private long _droppedAddressInUse;
    private long _roleConflicts;
    private long _unknownAttributes;
    private long _addressMoves;
    private long _sessionsExpired;

    /// <summary>Datagrams given to <see cref="HandleStun"/>.</summary>
    public long ChecksReceived => Interlocked.Read(ref _checksReceived);

    /// <summary>Responses written (success, 487 and 420).</summary>
    public long ChecksAnswered => Interlocked.Read(ref _checksAnswered);

    /// <summary>Well-formed STUN messages that are not Binding requests.</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    /// <summary>Datagrams that are not well-formed STUN or have a wrong FINGERPRINT.</summary>
    public long DroppedMalformed => Interlocked.Read(ref _droppedMalformed);

    /// <summary>Checks without USERNAME or MESSAGE-INTEGRITY, or with a wrong MESSAGE-INTEGRITY.</summary>
    public long DroppedUnauthenticated => Interlocked.Read(ref _droppedUnauthenticated);

    /// <summary>Checks whose recipient ufrag is no live session's.</summary>
    public long DroppedUnknownUfrag => Interlocked.Read(ref _droppedUnknownUfrag);

    /// <summary>Authenticated checks whose sender ufrag is not the session's remote ufrag.</summary>
    public long DroppedRemoteUfragMismatch => Interlocked.Read(ref _droppedRemoteUfragMismatch);

    /// <summary>Authenticated checks from an address another live session holds with fresh consent.</summary>
    public long DroppedAddressInUse => Interlocked.Read(ref _droppedAddressInUse);

    /// <summary>487 Role Conflict responses sent.</summary>
    public long RoleConflicts => Interlocked.Read(ref _roleConflicts);

    /// <summary>420 Unknown Attribute responses sent.</summary>
    public long UnknownAttributes => Interlocked.Read(ref _unknownAttributes);

    /// <summary>Times a session's selected address moved from one address to another.</summary>
    public long AddressMoves => Interlocked.Read(ref _addressMoves);

    /// <summary>Sessions removed by <see cref="ExpireStale"/>.</summary>
    public long SessionsExpired => Interlocked.Read(ref _sessionsExpired);

    private static IceCheckOutcome Count(ref long counter, IceCheckOutcome outcome)
    {
        Interlocked.Increment(ref counter);
        return outcome;
    }
}
