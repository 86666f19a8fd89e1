using System.Net;
using System.Text;
using System.Text.Unicode;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.Delivery.Devices;

// The receive path: keepalives (STUN), receiver reports (SRTCP) and console RTP, demultiplexed by RFC 7983.
public sealed partial class DeviceMediaEndpoint
{
    /// <inheritdoc/>
    public void OnDatagram(ReceivedDatagram datagram)
    {
        _transport ??= datagram.Transport;
        switch (datagram.Kind)
        {
            case PacketKind.Stun:
                HandleKeepalive(datagram);
                break;
            case PacketKind.Rtcp:
                HandleSrtcp(datagram);
                break;
            case PacketKind.Rtp:
                if (Ingest is not { } ingest || !ingest.TryDeliver(datagram.Data, datagram.Remote))
                {
                    Drop(datagram, DropReason.UnknownRtp);
                }

                break;
            default:
                Drop(datagram, DropReason.OtherProtocol);
                break;
        }
    }

    private void HandleKeepalive(ReceivedDatagram datagram)
    {
        // RFC 8489 §7.3: a wrong FINGERPRINT means it is not STUN; only Binding requests are keepalives.
        if (!StunMessage.TryParse(datagram.Data, out StunMessage request)
            || request.Method != StunMethod.Binding || request.Class != StunMessageClass.Request
            || !request.HasFingerprint || !request.VerifyFingerprint()
            || !request.HasMessageIntegrity || !request.TryGetUsername(out ReadOnlySpan<byte> username)
            || username.IsEmpty || username.Length > MaxDeviceIdLength)
        {
            Drop(datagram, DropReason.MalformedKeepalive);
            return;
        }

        // The device id is looked up as chars without making a string (RFC 8489 §14.3: USERNAME is UTF-8).
        Span<char> deviceId = stackalloc char[MaxDeviceIdLength];
        if (!Utf8.IsValid(username))
        {
            Drop(datagram, DropReason.MalformedKeepalive);
            return;
        }

        int charCount = Encoding.UTF8.GetChars(username, deviceId);
        if (!_devicesById.TryGetValue(deviceId.Slice(0, charCount), out DeviceMediaSession? session)
            || !request.VerifyMessageIntegrity(session.KeepaliveKey))
        {
            Drop(datagram, DropReason.UnauthenticatedKeepalive);
            return;
        }

        // Only here, after MESSAGE-INTEGRITY verified, may the device's address change (NAT rebinding).
        if (session.OnKeepalive(datagram.Remote, out SocketAddress? previous, out SocketAddress current))
        {
            Reindex(session, previous, current);
        }

        Interlocked.Increment(ref _keepalivesAccepted);
        Span<byte> response = stackalloc byte[StunBindingResponder.MinimumDestinationLength];
        int length = StunBindingResponder.WriteSuccessResponse(request, datagram.Remote, session.KeepaliveKey, response);
        datagram.Transport.TrySend(response.Slice(0, length), datagram.Remote);
    }

    private void HandleSrtcp(ReceivedDatagram datagram)
    {
        if (!_devicesByAddress.TryGetValue(datagram.Remote, out DeviceMediaSession? session))
        {
            Drop(datagram, DropReason.UnknownSource);
            return;
        }

        SrtpUnprotectResult result = session.OnSrtcp(datagram.Data);
        switch (result)
        {
            case SrtpUnprotectResult.Ok:
                Interlocked.Increment(ref _reportsAccepted);
                break;
            case SrtpUnprotectResult.AuthenticationFailed:
                Drop(datagram, DropReason.ReportAuthentication);
                break;
            case SrtpUnprotectResult.ReplayDetected or SrtpUnprotectResult.TooOld:
                Drop(datagram, DropReason.ReportReplay);
                break;
            default:
                Drop(datagram, DropReason.MalformedReport);
                break;
        }
    }
}
