using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.WebRtc.Ice;

// The per-check path: authenticate, answer, and validate / select the sender's address.
public sealed partial class IceLiteAgent
{
    /// <summary>
    /// Handles a STUN datagram received on the shared socket: an authenticated Binding request for a live
    /// session is answered (success, or a signed 487 / 420) and, on success, validates <paramref name="remote"/>
    /// for that session, may select it, and refreshes consent (RFC 7675). Everything else is dropped silently
    /// and counted. Never throws for any datagram; a steady-state consent check allocates nothing.
    /// </summary>
    /// <param name="datagram">One whole UDP payload that the RFC 7983 demux classified as STUN.</param>
    /// <param name="remote">
    /// Its source as the socket reported it; only copied, never kept. Addresses are keyed exactly as given, with
    /// no normalization: a dual-mode socket reports an IPv4 peer as ::ffff:a.b.c.d for STUN, DTLS and SRTP alike,
    /// and the response must go back through that same socket in that same form. XOR-MAPPED-ADDRESS still tells
    /// the peer its IPv4 address.
    /// </param>
    /// <param name="response">At least <see cref="MinimumResponseLength"/> bytes, not overlapping <paramref name="datagram"/>.</param>
    /// <param name="responseLength">Bytes to send back to <paramref name="remote"/>; 0 means send nothing.</param>
    /// <param name="session">The session the check authenticated for (when a response is written), else null.</param>
    /// <remarks>
    /// RFC 8489 §9.1.3 would answer a check without credentials with 400 and one with a wrong ufrag or
    /// MESSAGE-INTEGRITY with 401. This agent sends nothing instead: on a public port shared by every peer those
    /// answers would make it a reflector for spoofed sources and tell a scanner which ufrags exist, while a
    /// browser holding the right credentials from signaling never needs them (without an answer its check just
    /// times out, RFC 8445 §7.2.5.2). 487 and 420 are sent only to checks whose MESSAGE-INTEGRITY verified.
    /// </remarks>
    public IceCheckOutcome HandleStun(
        ReadOnlySpan<byte> datagram,
        SocketAddress remote,
        Span<byte> response,
        out int responseLength,
        out IceSession? session)
    {
        ArgumentNullException.ThrowIfNull(remote);
        responseLength = 0;
        session = null;
        if (response.Length < MinimumResponseLength)
        {
            ThrowResponseTooSmall();
        }

        Interlocked.Increment(ref _checksReceived);

        // RFC 8489 §7.3: a wrong FINGERPRINT means the datagram is not STUN at all.
        if (!StunMessage.TryParse(datagram, out StunMessage request)
            || (request.HasFingerprint && !request.VerifyFingerprint()))
        {
            return Count(ref _droppedMalformed, IceCheckOutcome.DroppedMalformed);
        }

        // Binding indications (keepalives) and stray responses need no answer (RFC 8445 §11).
        if (request.Method != StunMethod.Binding || request.Class != StunMessageClass.Request)
        {
            return Count(ref _ignored, IceCheckOutcome.Ignored);
        }

        // RFC 8445 §7.1: connectivity checks carry FINGERPRINT (browsers always do). Requiring it also leaves no
        // byte of an answered check unprotected: what follows MESSAGE-INTEGRITY is covered by the CRC.
        if (!request.HasFingerprint)
        {
            return Count(ref _droppedMalformed, IceCheckOutcome.DroppedMalformed);
        }

        if (!request.HasMessageIntegrity
            || !request.TryGetIceUsername(out ReadOnlySpan<byte> recipientUfrag, out ReadOnlySpan<byte> senderUfrag))
        {
            return Count(ref _droppedUnauthenticated, IceCheckOutcome.DroppedUnauthenticated);
        }

        if (recipientUfrag.Length > IceCredentials.MaxLength
            || !_sessionsByUfragBytes.TryGetValue(recipientUfrag, out IceSession? candidate)
            || !candidate.IsLive)
        {
            return Count(ref _droppedUnknownUfrag, IceCheckOutcome.DroppedUnknownUfrag);
        }

        StunBindingOutcome outcome = StunBindingResponder.Respond(
            request, candidate.LocalUfragBytes, candidate.LocalPasswordBytes, remote, response, out int written);
        if (outcome is StunBindingOutcome.BadRequest or StunBindingOutcome.Unauthorized or StunBindingOutcome.Ignored)
        {
            // The unsigned 400/401 the responder wrote is discarded: see the remarks.
            return Count(ref _droppedUnauthenticated, IceCheckOutcome.DroppedUnauthenticated);
        }

        // RFC 8445 §7.3: the sender's half of USERNAME must be the peer's ufrag once we know it; a stale
        // peer after an ICE restart, or another peer, must not touch this session.
        if (candidate.RemoteUfragBytes is { } knownRemoteUfrag && !senderUfrag.SequenceEqual(knownRemoteUfrag))
        {
            return Count(ref _droppedRemoteUfragMismatch, IceCheckOutcome.DroppedRemoteUfragMismatch);
        }

        if (outcome == StunBindingOutcome.RoleConflict)
        {
            return Answer(ref _roleConflicts, IceCheckOutcome.RoleConflict, candidate, written, out responseLength, out session);
        }

        if (outcome == StunBindingOutcome.UnknownAttribute)
        {
            return Answer(ref _unknownAttributes, IceCheckOutcome.UnknownAttribute, candidate, written, out responseLength, out session);
        }

        IceCheckOutcome validated = Validate(candidate, remote, senderUfrag, request.HasUseCandidate);
        if (validated != IceCheckOutcome.Success)
        {
            return validated;
        }

        Interlocked.Increment(ref _checksAnswered);
        responseLength = written;
        session = candidate;
        return IceCheckOutcome.Success;
    }

    private IceCheckOutcome Answer(
        ref long counter, IceCheckOutcome outcome, IceSession candidate, int written, out int responseLength, out IceSession session)
    {
        Interlocked.Increment(ref _checksAnswered);
        responseLength = written;
        session = candidate;
        return Count(ref counter, outcome);
    }

    /// <summary>Records an authenticated check from <paramref name="remote"/>: RFC 8445 §7.3.1.4 (valid pair), §7.3.1.5 (nomination).</summary>
    private IceCheckOutcome Validate(IceSession session, SocketAddress remote, ReadOnlySpan<byte> senderUfrag, bool useCandidate)
    {
        SocketAddress? selectedBefore;
        SocketAddress? selectedAfter;
        IceSession? dispossessed = null;
        SocketAddress? dispossessedAddress = null;
        bool connected = false;
        lock (_lock)
        {
            // Removed or expired since the lock-free lookup.
            if (!session.IsLive)
            {
                return Count(ref _droppedUnknownUfrag, IceCheckOutcome.DroppedUnknownUfrag);
            }

            // Checked again under the lock: two receive loops may both be learning the remote ufrag.
            if (session.RemoteUfragBytes is { } knownRemoteUfrag && !senderUfrag.SequenceEqual(knownRemoteUfrag))
            {
                return Count(ref _droppedRemoteUfragMismatch, IceCheckOutcome.DroppedRemoteUfragMismatch);
            }

            DateTimeOffset nowTime = _timeProvider.GetUtcNow();
            long now = nowTime.UtcTicks;
            int index = session.IndexOf(remote);
            if (index < 0)
            {
                if (!TryTakeAddress(session, remote, now, out dispossessed, out dispossessedAddress))
                {
                    return Count(ref _droppedAddressInUse, IceCheckOutcome.DroppedAddressInUse);
                }

                SocketAddress copy = IceSocketAddress.Copy(remote);
                selectedBefore = session.Selected;
                SocketAddress? evicted = session.Add(copy, now, out index);
                if (evicted is not null)
                {
                    _sessionsByAddress.TryRemove(KeyValuePair.Create(evicted, session));
                }

                _sessionsByAddress[copy] = session;
            }
            else
            {
                selectedBefore = session.Selected;
                session.Touch(index, now);
            }

            if (session.RemoteUfragBytes is null)
            {
                byte[] learned = senderUfrag.ToArray();
                session.SetRemoteUfrag(Encoding.Latin1.GetString(learned), learned);
            }

            Select(session, index, useCandidate, now);
            selectedAfter = session.Selected;
            session.RecordConsent(nowTime);
            if (session.State == IceSessionState.New)
            {
                session.SetState(IceSessionState.Connected);
                connected = true;
            }

            if (selectedBefore is not null && selectedAfter is not null && !ReferenceEquals(selectedBefore, selectedAfter))
            {
                Interlocked.Increment(ref _addressMoves);
            }
        }

        if (connected)
        {
            Log.SessionConnected(_logger, session.LocalUfrag, IceSocketAddress.ToEndPoint(remote));
        }

        if (!ReferenceEquals(selectedBefore, selectedAfter))
        {
            RaiseSelectedAddressChanged(session, selectedBefore, selectedAfter);
        }

        if (dispossessed is not null)
        {
            RaiseSelectedAddressChanged(dispossessed, dispossessedAddress, null);
        }

        return IceCheckOutcome.Success;
    }

    /// <summary>
    /// Selection for a lite agent (RFC 8445 §7.3.1.5): USE-CANDIDATE selects the check's address, the latest
    /// nomination winning, since a new one means the peer moved (NAT rebinding, Wi-Fi to 4G); Chrome sets it only
    /// on its selected, writable pair when the peer is lite. Without USE-CANDIDATE, the first check selects (when
    /// enabled), and a check from another address takes over once the selected one has been silent too long.
    /// </summary>
    private void Select(IceSession session, int index, bool useCandidate, long now)
    {
        if (useCandidate)
        {
            session.MarkNominated();
        }

        SocketAddress? selected = session.Selected;
        SocketAddress checkedAddress = session.AddressAt(index);
        if (ReferenceEquals(selected, checkedAddress))
        {
            return;
        }

        if (selected is null)
        {
            if (useCandidate || _selectOnFirstCheck)
            {
                session.Select(index);
            }

            return;
        }

        if (useCandidate || now - session.LastCheckUtcTicksAt(session.IndexOf(selected)) >= _failoverTicks)
        {
            session.Select(index);
        }
    }

    /// <summary>
    /// Decides whether <paramref name="remote"/>, new to <paramref name="session"/>, may be validated for it. An
    /// address routes to one session only; another live session keeps it while its consent from there is fresh,
    /// so a peer that spoofs a source address cannot steal another peer's media. A stale holder loses it (the NAT
    /// mapping was reused) and is returned when that address was its selected one.
    /// </summary>
    private bool TryTakeAddress(
        IceSession session,
        SocketAddress remote,
        long now,
        out IceSession? dispossessed,
        out SocketAddress? dispossessedAddress)
    {
        dispossessed = null;
        dispossessedAddress = null;
        if (!_sessionsByAddress.TryGetValue(remote, out IceSession? holder) || ReferenceEquals(holder, session))
        {
            return true;
        }

        int holderIndex = holder.IndexOf(remote);
        if (holderIndex < 0)
        {
            return true;
        }

        if (holder.IsLive && now - holder.LastCheckUtcTicksAt(holderIndex) < _consentTimeoutTicks)
        {
            return false;
        }

        SocketAddress held = holder.AddressAt(holderIndex);
        if (ReferenceEquals(held, holder.Selected))
        {
            dispossessed = holder;
            dispossessedAddress = held;
        }

        holder.RemoveAt(holderIndex);
        _sessionsByAddress.TryRemove(KeyValuePair.Create(held, holder));
        return true;
    }

    private void RaiseSelectedAddressChanged(IceSession session, SocketAddress? previous, SocketAddress? current)
    {
        var args = new IceSelectedAddressChangedEventArgs(IceSocketAddress.ToEndPoint(previous), IceSocketAddress.ToEndPoint(current));
        Log.SelectedAddressMoved(_logger, session.LocalUfrag, args.Previous, args.Current);
        session.RaiseSelectedAddressChanged(args);
    }

    [DoesNotReturn]
    private static void ThrowResponseTooSmall() =>
        throw new ArgumentException("The response buffer must hold at least MinimumResponseLength bytes.", "response");
}
