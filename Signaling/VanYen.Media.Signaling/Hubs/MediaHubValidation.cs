using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Signaling.Contracts;

namespace VanYen.Media.Signaling.Hubs;

/// <summary>Checks what a client sends to <see cref="MediaHub"/> before the engine sees it.</summary>
internal static partial class MediaHubValidation
{
    /// <summary>The largest SDP accepted, in UTF-8 bytes; browsers' audio offers are 2–6 KiB.</summary>
    public const int MaxSdpBytes = 64 * 1024;

    /// <summary>Turns a client's join request into the engine's, or throws a <see cref="HubException"/> naming the fault.</summary>
    public static RoomJoinRequest ToRoomJoinRequest(string sessionId, JoinRoomRequest? request)
    {
        if (request is null)
        {
            throw new HubException("JoinRoom needs a request: { kind, roomId, role, offerSdp }.");
        }

        RoomKind kind = request.Kind switch
        {
            "echo" => RoomKind.Echo,
            "relay" => RoomKind.Relay,
            _ => throw new HubException($"Unknown room kind '{Shorten(request.Kind)}'; expected \"echo\" or \"relay\"."),
        };

        if (request.RoomId is null || !RoomIdPattern().IsMatch(request.RoomId))
        {
            throw new HubException($"Invalid room id '{Shorten(request.RoomId)}': use 1 to 64 characters among a-z, 0-9 and '-'.");
        }

        RoomRole role = request.Role switch
        {
            "publisher" => RoomRole.Publisher,
            "listener" => RoomRole.Listener,
            _ => throw new HubException($"Unknown role '{Shorten(request.Role)}'; expected \"publisher\" or \"listener\"."),
        };

        if (request.OfferSdp is null)
        {
            if (role == RoomRole.Publisher)
            {
                throw new HubException("A publisher must send its offer (offerSdp); only a listener may join without one.");
            }
        }
        else
        {
            ValidateSdp(request.OfferSdp, "offerSdp");
        }

        return new RoomJoinRequest(sessionId, kind, request.RoomId, role, request.OfferSdp);
    }

    /// <summary>Throws a <see cref="HubException"/> when <paramref name="sdp"/> is missing, empty or larger than <see cref="MaxSdpBytes"/>.</summary>
    public static void ValidateSdp(string? sdp, string name)
    {
        if (string.IsNullOrWhiteSpace(sdp))
        {
            throw new HubException($"The SDP ({name}) is missing or empty.");
        }

        int bytes = Encoding.UTF8.GetByteCount(sdp);
        if (bytes > MaxSdpBytes)
        {
            throw new HubException($"The SDP ({name}) is {bytes} bytes; the limit is {MaxSdpBytes} bytes.");
        }
    }

    // Echoes a bounded, printable part of a bad value so a hostile client cannot make the error huge.
    private static string Shorten(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        const int Limit = 40;
        var printable = new StringBuilder(Math.Min(value.Length, Limit + 1));
        foreach (char c in value)
        {
            if (printable.Length == Limit)
            {
                printable.Append('…');
                break;
            }

            printable.Append(char.IsControl(c) ? '?' : c);
        }

        return printable.ToString();
    }

    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RoomIdPattern();
}
