using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace VanYen.Media.Engine.WebRtc.Stun;

/// <summary>
/// The per-check work of an ICE-lite agent (RFC 8445 §7.3, RFC 8489 §6.3, §9.1.3): authenticate a Binding
/// request with our short-term credentials and write the response to send back to the sender. Allocates nothing.
/// </summary>
/// <remarks>
/// The request and the response must be in different buffers. Every response carries FINGERPRINT
/// (RFC 8445 §7.3); responses to authenticated requests also carry MESSAGE-INTEGRITY keyed by our ice-pwd,
/// which browsers require.
/// </remarks>
public static class StunBindingResponder
{
    /// <summary>The smallest destination <see cref="Respond"/> accepts; every response it writes fits.</summary>
    public const int MinimumDestinationLength = 256;

    /// <summary>How many unknown attribute types a 420 response lists at most.</summary>
    public const int MaxReportedUnknownAttributes = 16;

    /// <summary>
    /// Checks a received message and writes the answer into <paramref name="destination"/>.
    /// </summary>
    /// <param name="request">The parsed message.</param>
    /// <param name="localUfrag">Our ice-ufrag (UTF-8), which must be the first half of USERNAME.</param>
    /// <param name="localPassword">Our ice-pwd (UTF-8), the MESSAGE-INTEGRITY key both ways.</param>
    /// <param name="sender">Where the request came from; goes into XOR-MAPPED-ADDRESS.</param>
    /// <param name="destination">At least <see cref="MinimumDestinationLength"/> bytes.</param>
    /// <param name="written">Bytes of response written, 0 when the outcome is <see cref="StunBindingOutcome.Ignored"/>.</param>
    public static StunBindingOutcome Respond(
        StunMessage request,
        ReadOnlySpan<byte> localUfrag,
        ReadOnlySpan<byte> localPassword,
        SocketAddress sender,
        Span<byte> destination,
        out int written)
    {
        written = 0;
        if (destination.Length < MinimumDestinationLength)
        {
            ThrowDestinationTooSmall();
        }

        // Indications (keepalives) and responses get no answer; neither does a wrong FINGERPRINT, which
        // marks the datagram as not STUN at all (RFC 8489 §7.3).
        if (request.Method != StunMethod.Binding || request.Class != StunMessageClass.Request
            || (request.HasFingerprint && !request.VerifyFingerprint()))
        {
            return StunBindingOutcome.Ignored;
        }

        // RFC 8489 §9.1.3: missing credentials is 400, wrong ones 401, and neither answer is signed
        // since we share no key with whoever sent it.
        if (!request.TryGetUsername(out ReadOnlySpan<byte> username) || !request.HasMessageIntegrity)
        {
            written = WriteErrorResponse(request, StunErrorCode.BadRequest, "Bad Request"u8, [], default, destination);
            return StunBindingOutcome.BadRequest;
        }

        if (!StunMessage.TrySplitIceUsername(username, out ReadOnlySpan<byte> recipientUfrag, out _)
            || !recipientUfrag.SequenceEqual(localUfrag)
            || !request.VerifyMessageIntegrity(localPassword))
        {
            written = WriteErrorResponse(request, StunErrorCode.Unauthorized, "Unauthorized"u8, [], default, destination);
            return StunBindingOutcome.Unauthorized;
        }

        Span<ushort> unknown = stackalloc ushort[MaxReportedUnknownAttributes];
        int unknownCount = request.GetUnknownComprehensionRequiredAttributes(unknown);
        if (unknownCount > 0)
        {
            ReadOnlySpan<ushort> listed = unknown.Slice(0, Math.Min(unknownCount, MaxReportedUnknownAttributes));
            written = WriteErrorResponse(request, StunErrorCode.UnknownAttribute, "Unknown Attribute"u8, listed, localPassword, destination);
            return StunBindingOutcome.UnknownAttribute;
        }

        // A lite agent is always controlled (RFC 8445 §6.1.1), so a peer that is controlled too must switch:
        // RFC 8445 §7.3.1.1 answers it with 487.
        if (request.HasIceControlled)
        {
            written = WriteErrorResponse(request, StunErrorCode.RoleConflict, "Role Conflict"u8, [], localPassword, destination);
            return StunBindingOutcome.RoleConflict;
        }

        written = WriteSuccessResponse(request, sender, localPassword, destination);
        return StunBindingOutcome.Success;
    }

    /// <summary>
    /// Writes the Binding success response to <paramref name="request"/>: XOR-MAPPED-ADDRESS of
    /// <paramref name="sender"/>, MESSAGE-INTEGRITY keyed by <paramref name="localPassword"/>, FINGERPRINT
    /// (RFC 8445 §7.3.1.3). Returns its length (at most 76 bytes). The request is not checked here.
    /// </summary>
    public static int WriteSuccessResponse(StunMessage request, SocketAddress sender, ReadOnlySpan<byte> localPassword, Span<byte> destination)
    {
        var writer = new StunMessageWriter(destination, StunMethod.Binding, StunMessageClass.SuccessResponse, request.TransactionId);
        writer.AddXorMappedAddress(sender);
        writer.AddMessageIntegrity(localPassword);
        return writer.AddFingerprint();
    }

    /// <summary>
    /// Writes a Binding error response to <paramref name="request"/> with ERROR-CODE, UNKNOWN-ATTRIBUTES when
    /// <paramref name="unknownAttributes"/> is not empty, MESSAGE-INTEGRITY unless <paramref name="signingKey"/>
    /// is empty (400 and 401 are not signed), and FINGERPRINT. Returns its length.
    /// </summary>
    public static int WriteErrorResponse(
        StunMessage request,
        int errorCode,
        ReadOnlySpan<byte> reason,
        ReadOnlySpan<ushort> unknownAttributes,
        ReadOnlySpan<byte> signingKey,
        Span<byte> destination)
    {
        var writer = new StunMessageWriter(destination, StunMethod.Binding, StunMessageClass.ErrorResponse, request.TransactionId);
        writer.AddErrorCode(errorCode, reason);
        if (!unknownAttributes.IsEmpty)
        {
            writer.AddUnknownAttributes(unknownAttributes);
        }

        if (!signingKey.IsEmpty)
        {
            writer.AddMessageIntegrity(signingKey);
        }

        return writer.AddFingerprint();
    }

    [DoesNotReturn]
    private static void ThrowDestinationTooSmall() =>
        throw new ArgumentException("The destination must hold at least MinimumDestinationLength bytes.", "destination");
}
