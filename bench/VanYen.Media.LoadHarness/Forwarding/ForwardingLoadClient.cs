using System.Globalization;
using System.Net;
using System.Text;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Ice;
using VanYen.Media.Engine.WebRtc.Sdp;
using VanYen.Media.Engine.WebRtc.Srtp;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.LoadHarness.Forwarding;

/// <summary>
/// A light call participant for the load harness, on its own UDP socket on 127.0.0.1: a Chrome-shaped call offer
/// (own audio and VP8 camera, three receive slots), ICE check, DTLS client, SRTP; sends packets on demand and only
/// counts what it receives (no unprotect, no allocation per packet), so the process's own load stays small.
/// </summary>
internal sealed class ForwardingLoadClient : IDatagramHandler, IDtlsSender, IAsyncDisposable
{
    private const byte OpusPayloadType = 111;
    private const byte Vp8PayloadType = 96;

    private readonly UdpMediaSocket _socket;
    private readonly DtlsCertificate _certificate;
    private readonly byte[] _packet = new byte[1500];
    private readonly byte[] _protected = new byte[1600];
    private readonly string _ufrag = IceCredentials.GenerateUfrag();
    private readonly string _password = IceCredentials.GeneratePassword();
    private readonly SemaphoreSlim _stunAnswered = new(0);
    private SessionDescription? _offer;
    private NegotiatedSession? _negotiated;
    private SocketAddress? _server;
    private volatile DtlsTransport? _dtls;
    private SrtpContext? _outbound;
    private ushort _audioSequenceNumber;
    private ushort _videoSequenceNumber;
    private uint _audioTimestamp;
    private uint _videoTimestamp;
    private long _rtpReceived;

    public ForwardingLoadClient(DtlsCertificate certificate)
    {
        _certificate = certificate;
        _socket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), this, new UdpMediaSocketOptions { Name = "sfu-load-client", DualMode = false, PacketBufferCount = 256 });
    }

    public uint AudioSsrc { get; } = (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    public uint VideoSsrc { get; } = (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    public long RtpReceived => Interlocked.Read(ref _rtpReceived);

    public string CreateOffer()
    {
        var sdp = new StringBuilder("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1 2 3 4 5 6 7\r\n");
        for (int mid = 0; mid < 8; mid++)
        {
            bool video = mid % 2 == 1;
            sdp.Append(video ? "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n" : "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n");
            sdp.Append(CultureInfo.InvariantCulture, $"c=IN IP4 0.0.0.0\r\na=ice-ufrag:{_ufrag}\r\na=ice-pwd:{_password}\r\na=fingerprint:{_certificate.SdpFingerprint}\r\na=setup:actpass\r\na=mid:{mid}\r\n");
            sdp.Append("a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n");
            sdp.Append(mid < 2 ? "a=sendonly\r\n" : "a=recvonly\r\n");
            sdp.Append("a=rtcp-mux\r\na=rtcp-rsize\r\n");
            sdp.Append(video
                ? "a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 goog-remb\r\na=rtcp-fb:96 ccm fir\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
                : "a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n");
            if (mid == 0)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=ssrc:{AudioSsrc} cname:load\r\n");
            }
            else if (mid == 1)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=ssrc:{VideoSsrc} cname:load\r\n");
            }
        }

        string offer = sdp.ToString();
        _offer = SessionDescription.Parse(offer);
        return offer;
    }

    public async Task ConnectAsync(string answerSdp, IPEndPoint server)
    {
        _negotiated = SdpOfferer.AcceptAnswer(_offer!, answerSdp);
        _server = _socket.CreateRemoteAddress(server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        do
        {
            SendCheck();
        }
        while (!await _stunAnswered.WaitAsync(TimeSpan.FromMilliseconds(200), timeout.Token));

        DtlsRole role = _negotiated.LocalDtlsRole == SdpDtlsRole.Client ? DtlsRole.Client : DtlsRole.Server;
        var dtls = new DtlsTransport(role, _certificate, DtlsFingerprint.Parse(_negotiated.RemoteFingerprint.ToString()), this);
        _dtls = dtls;
        DtlsHandshakeResult result = await dtls.StartAsync(timeout.Token);
        SrtpProtectionProfileExtensions.TryFromId(result.SrtpProtectionProfile, out SrtpProtectionProfile profile);
        using SrtpKeyingMaterial keys = SrtpKeyingMaterial.Split(profile, result.KeyingMaterial, role == DtlsRole.Client);
        _outbound = keys.CreateOutboundContext();
    }

    /// <summary>One Opus-sized packet (80 bytes) on the microphone's SSRC. One sender thread only.</summary>
    public void SendAudio()
    {
        int header = RtpHeaderWriter.Write(_packet, new RtpHeaderFields(OpusPayloadType, false, _audioSequenceNumber++, _audioTimestamp, AudioSsrc));
        _audioTimestamp += 960;
        Send(header, 80, 0x21);
    }

    /// <summary>One video-sized packet (1000 bytes; the first a VP8 key frame) on the camera's SSRC. One sender thread only.</summary>
    public void SendVideo()
    {
        int header = RtpHeaderWriter.Write(_packet, new RtpHeaderFields(Vp8PayloadType, true, _videoSequenceNumber, _videoTimestamp, VideoSsrc));
        _packet[header] = 0x10;
        _packet[header + 1] = (byte)(_videoSequenceNumber == 0 ? 0x00 : 0x01);
        _videoSequenceNumber++;
        _videoTimestamp += 3000;
        Send(header + 2, 998, 0x42);
    }

    public void OnDatagram(ReceivedDatagram datagram)
    {
        switch (datagram.Kind)
        {
            case PacketKind.Stun:
                if (StunMessage.TryParse(datagram.Data, out StunMessage message) && message.Class == StunMessageClass.SuccessResponse)
                {
                    _stunAnswered.Release();
                }

                break;
            case PacketKind.Dtls:
                _dtls?.OnDatagram(datagram.Data);
                break;
            case PacketKind.Rtp:
                Interlocked.Increment(ref _rtpReceived);
                break;
            default:
                break;
        }
    }

    void IDtlsSender.Send(ReadOnlySpan<byte> datagram)
    {
        if (_server is { } server)
        {
            _socket.TrySend(datagram, server);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _dtls?.Dispose();
        await _socket.DisposeAsync();
        _outbound?.Dispose();
        _stunAnswered.Dispose();
    }

    private void Send(int header, int payloadLength, byte fill)
    {
        _packet.AsSpan(header, payloadLength).Fill(fill);
        if (_outbound is { } outbound && outbound.TryProtectRtp(_packet.AsSpan(0, header + payloadLength), _protected, out int length))
        {
            _socket.TrySend(_protected.AsSpan(0, length), _server!);
        }
    }

    private void SendCheck()
    {
        byte[] buffer = new byte[512];
        byte[] transactionId = new byte[StunMessage.TransactionIdLength];
        Random.Shared.NextBytes(transactionId);
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId);
        writer.AddUsername(Encoding.ASCII.GetBytes(_negotiated!.RemoteIceUfrag + ":" + _ufrag));
        writer.AddPriority(1853824767);
        writer.AddIceControlling(0x1234_5678_9ABC_DEF0);
        writer.AddUseCandidate();
        writer.AddMessageIntegrity(Encoding.ASCII.GetBytes(_negotiated.RemoteIcePassword));
        int length = writer.AddFingerprint();
        _socket.TrySend(buffer.AsSpan(0, length), _server!);
    }
}
