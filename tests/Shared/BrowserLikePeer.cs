using System.Buffers.Binary;
using System.Collections.Concurrent;
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

namespace VanYen.Media.Tests.Shared;

/// <summary>
/// A browser built from our own parts, on a real UDP socket on 127.0.0.1: a Chrome-shaped offer, STUN checks with
/// USE-CANDIDATE as the controlling agent, DTLS (client to our passive answer, server to our actpass offer), SRTP.
/// Records every RTP packet it receives.
/// </summary>
internal sealed class BrowserLikePeer : IDatagramHandler, IDtlsSender, IAsyncDisposable
{
    public const int AudioLevelId = 5;
    public const int TransportCcId = 3;

    private readonly UdpMediaSocket _socket;
    private readonly DtlsCertificate _certificate = DtlsCertificate.Create();
    private readonly ConcurrentQueue<ReceivedRtp> _received = new();
    private readonly ConcurrentQueue<byte[]> _receivedRtcp = new();
    private readonly Lock _sendLock = new();
    private readonly byte[] _sendBuffer = new byte[2048];
    private readonly SemaphoreSlim _stunAnswered = new(0);
    private volatile DtlsTransport? _dtls;
    private volatile SrtpContext? _inbound;
    private SrtpContext? _outbound;
    private SocketAddress? _server;
    private SessionDescription? _offer;
    private NegotiatedSession? _negotiated;
    private ushort _sequenceNumber = 1000;
    private uint _timestamp = 50_000;
    private ushort _transportSequence;
    private ushort _videoSequenceNumber = 3000;

    public BrowserLikePeer(uint? ssrc = null)
    {
        _socket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), this, new UdpMediaSocketOptions { Name = "test-browser", DualMode = false, PacketBufferCount = 256 });
        Ssrc = ssrc ?? (uint)Random.Shared.NextInt64(1, uint.MaxValue);
    }

    /// <summary>The ICE ufrag of the next offer and of the checks; changing it (with <see cref="Password"/>) is an ICE restart.</summary>
    public string Ufrag { get; set; } = IceCredentials.GenerateUfrag();

    /// <summary>The ICE password of the next offer.</summary>
    public string Password { get; set; } = IceCredentials.GeneratePassword();

    public uint Ssrc { get; }

    /// <summary>The fingerprint written in the SDP; another certificate's makes the server refuse the handshake.</summary>
    public string SdpFingerprint { get; set; } = string.Empty;

    /// <summary>The payload type the next offer gives Opus, and that outgoing packets carry (Chrome uses 111; others differ).</summary>
    public byte OpusPayloadType { get; set; } = 111;

    public IPEndPoint LocalEndPoint => _socket.LocalEndPoint;

    public DtlsHandshakeResult? HandshakeResult { get; private set; }

    public long RtcpReceived;

    public IReadOnlyCollection<ReceivedRtp> Received => _received;

    /// <summary>Every SRTCP compound received, unprotected (parse with RtcpCompoundReader).</summary>
    public IReadOnlyCollection<byte[]> ReceivedRtcp => _receivedRtcp;

    /// <summary>The SSRC of the camera in <see cref="CreateCallOffer"/>.</summary>
    public uint VideoSsrc { get; } = (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    /// <summary>The RTX SSRC of the camera (FID group).</summary>
    public uint VideoRtxSsrc { get; } = (uint)Random.Shared.NextInt64(1, uint.MaxValue);

    /// <summary>The payload type the call offer gives VP8 (its RTX is the next number); Chrome uses 96, Firefox 120.</summary>
    public byte Vp8PayloadType { get; set; } = 96;

    /// <summary>The payload type the call offer gives H.264 packetization-mode 1 (its RTX is the next number).</summary>
    public byte H264PayloadType { get; set; } = 102;

    public int StunResponses => _stunResponses;

    private int _stunResponses;

    /// <summary>What the server's answer or offer said (remote credentials, fingerprint, media ids).</summary>
    public NegotiatedSession Negotiated => _negotiated ?? throw new InvalidOperationException("no SDP exchange yet");

    /// <summary>An offer shaped like Chrome's for getUserMedia({audio: true}) (audio only, BUNDLE, rtcp-mux, actpass).</summary>
    public string CreateOffer(string direction = "sendrecv")
    {
        string fingerprint = SdpFingerprint.Length > 0 ? SdpFingerprint : _certificate.SdpFingerprint;
        string ssrcLines = direction is "sendrecv" or "sendonly"
            ? $"a=ssrc:{Ssrc} cname:testcname{Ssrc}\r\na=ssrc:{Ssrc} msid:stream1 track1\r\n"
            : string.Empty;
        string offer = string.Create(CultureInfo.InvariantCulture, $"""
            v=0
            o=- 4611731400430051336 2 IN IP4 127.0.0.1
            s=-
            t=0 0
            a=group:BUNDLE 0
            a=extmap-allow-mixed
            a=msid-semantic: WMS stream1
            m=audio 9 UDP/TLS/RTP/SAVPF {OpusPayloadType} 63 9 0 8 13 110 126
            c=IN IP4 0.0.0.0
            a=rtcp:9 IN IP4 0.0.0.0
            a=candidate:2999745851 1 udp 2122260223 43435cc5-2eae-45cf-96d0-cc5fd4c28c2e.local {LocalEndPoint.Port} typ host generation 0 network-id 1
            a=ice-ufrag:{Ufrag}
            a=ice-pwd:{Password}
            a=ice-options:trickle
            a=fingerprint:{fingerprint}
            a=setup:actpass
            a=mid:0
            a=extmap:{AudioLevelId} urn:ietf:params:rtp-hdrext:ssrc-audio-level
            a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
            a=extmap:{TransportCcId} http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
            a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
            a={direction}
            a=msid:stream1 track1
            a=rtcp-mux
            a=rtcp-rsize
            a=rtpmap:{OpusPayloadType} opus/48000/2
            a=rtcp-fb:{OpusPayloadType} transport-cc
            a=fmtp:{OpusPayloadType} minptime=10;useinbandfec=1
            a=rtpmap:63 red/48000/2
            a=fmtp:63 {OpusPayloadType}/{OpusPayloadType}
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:13 CN/8000
            a=rtpmap:110 telephone-event/48000
            a=rtpmap:126 telephone-event/8000

            """).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) + ssrcLines;
        _offer = SessionDescription.Parse(offer);
        return offer;
    }

    /// <summary>
    /// An offer shaped like Chrome's for a teleconsultation call (the SFU's fixed layout): own audio (mid 0) and camera
    /// (mid 1, VP8 and H.264 with RTX and NACK/PLI/FIR/REMB feedback) sendonly, then three slots of recvonly audio and
    /// video (mids 2..7).
    /// </summary>
    public string CreateCallOffer()
    {
        string fingerprint = SdpFingerprint.Length > 0 ? SdpFingerprint : _certificate.SdpFingerprint;
        var sdp = new StringBuilder();
        sdp.Append(CultureInfo.InvariantCulture, $"v=0\r\no=- 4611731400430051337 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1 2 3 4 5 6 7\r\na=msid-semantic: WMS stream1\r\n");
        for (int mid = 0; mid < 8; mid++)
        {
            bool video = mid % 2 == 1;
            bool own = mid < 2;
            int rtx = Vp8PayloadType + 1;
            int h264Rtx = H264PayloadType + 1;
            if (video)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"m=video 9 UDP/TLS/RTP/SAVPF {Vp8PayloadType} {rtx} {H264PayloadType} {h264Rtx}\r\n");
            }
            else
            {
                sdp.Append(CultureInfo.InvariantCulture, $"m=audio 9 UDP/TLS/RTP/SAVPF {OpusPayloadType}\r\n");
            }

            sdp.Append("c=IN IP4 0.0.0.0\r\na=rtcp:9 IN IP4 0.0.0.0\r\n");
            if (mid == 0)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=candidate:2999745851 1 udp 2122260223 127.0.0.1 {LocalEndPoint.Port} typ host generation 0 network-id 1\r\n");
            }

            sdp.Append(CultureInfo.InvariantCulture, $"a=ice-ufrag:{Ufrag}\r\na=ice-pwd:{Password}\r\na=ice-options:trickle\r\na=fingerprint:{fingerprint}\r\na=setup:actpass\r\na=mid:{mid}\r\n");
            if (!video)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=extmap:{AudioLevelId} urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n");
            }

            sdp.Append(CultureInfo.InvariantCulture, $"a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\na=extmap:{TransportCcId} http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\na=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n");
            sdp.Append(own ? "a=sendonly\r\n" : "a=recvonly\r\n");
            if (own)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=msid:stream1 {(video ? "video1" : "audio1")}\r\n");
            }

            sdp.Append("a=rtcp-mux\r\na=rtcp-rsize\r\n");
            if (video)
            {
                foreach (int payloadType in (int[])[Vp8PayloadType, H264PayloadType])
                {
                    string name = payloadType == Vp8PayloadType ? "VP8" : "H264";
                    sdp.Append(CultureInfo.InvariantCulture, $"a=rtpmap:{payloadType} {name}/90000\r\n");
                    foreach (string feedback in (string[])["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"])
                    {
                        sdp.Append(CultureInfo.InvariantCulture, $"a=rtcp-fb:{payloadType} {feedback}\r\n");
                    }

                    if (payloadType == H264PayloadType)
                    {
                        sdp.Append(CultureInfo.InvariantCulture, $"a=fmtp:{payloadType} level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n");
                    }

                    sdp.Append(CultureInfo.InvariantCulture, $"a=rtpmap:{payloadType + 1} rtx/90000\r\na=fmtp:{payloadType + 1} apt={payloadType}\r\n");
                }
            }
            else
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=rtpmap:{OpusPayloadType} opus/48000/2\r\na=rtcp-fb:{OpusPayloadType} transport-cc\r\na=fmtp:{OpusPayloadType} minptime=10;useinbandfec=1\r\n");
            }

            if (mid == 0)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=ssrc:{Ssrc} cname:testcname{Ssrc}\r\na=ssrc:{Ssrc} msid:stream1 audio1\r\n");
            }
            else if (mid == 1)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=ssrc-group:FID {VideoSsrc} {VideoRtxSsrc}\r\na=ssrc:{VideoSsrc} cname:testcname{Ssrc}\r\na=ssrc:{VideoSsrc} msid:stream1 video1\r\na=ssrc:{VideoRtxSsrc} cname:testcname{Ssrc}\r\na=ssrc:{VideoRtxSsrc} msid:stream1 video1\r\n");
            }
        }

        string offer = sdp.ToString();
        _offer = SessionDescription.Parse(offer);
        return offer;
    }

    /// <summary>Sends one video packet as SRTP on <see cref="VideoSsrc"/> (VP8 payload type unless given); returns its sequence number.</summary>
    public ushort SendVideo(ReadOnlySpan<byte> payload, uint timestamp, bool marker, byte? payloadType = null)
    {
        lock (_sendLock)
        {
            Span<byte> packet = stackalloc byte[1500];
            ushort sequenceNumber = _videoSequenceNumber++;
            var writer = new RtpHeaderWriter(packet, new RtpHeaderFields(payloadType ?? Vp8PayloadType, marker, sequenceNumber, timestamp, VideoSsrc), default, RtpHeaderExtensionForm.OneByte);
            Span<byte> transportSequence = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(transportSequence, _transportSequence++);
            writer.TryAddExtension(TransportCcId, transportSequence);
            int header = writer.Finish();
            payload.CopyTo(packet.Slice(header));
            if (_outbound!.TryProtectRtp(packet.Slice(0, header + payload.Length), _sendBuffer, out int length))
            {
                _socket.TrySend(_sendBuffer.AsSpan(0, length), _server!);
            }

            return sequenceNumber;
        }
    }

    /// <summary>Protects and sends one RTCP packet or compound (a PLI, a NACK, a REMB...) as SRTCP.</summary>
    public bool SendRtcp(ReadOnlySpan<byte> rtcp)
    {
        lock (_sendLock)
        {
            return _outbound!.TryProtectRtcp(rtcp, _sendBuffer, out int length) && _socket.TrySend(_sendBuffer.AsSpan(0, length), _server!);
        }
    }

    /// <summary>Takes the server's answer to <see cref="CreateOffer"/>.</summary>
    public void AcceptAnswer(string answerSdp) => _negotiated = SdpOfferer.AcceptAnswer(_offer!, answerSdp);

    /// <summary>Answers a server offer (recvonly, as a listener's browser would).</summary>
    public string AnswerServerOffer(string offerSdp)
    {
        _negotiated = SdpAnswerer.CreateAnswer(offerSdp, new SdpAnswerOptions
        {
            IceUfrag = Ufrag,
            IcePassword = Password,
            Fingerprint = VanYen.Media.Engine.WebRtc.Sdp.SdpFingerprint.Sha256OfCertificate(_certificate.RawData),
            HostCandidates = [LocalEndPoint],
            VideoCodecs = [],
            HeaderExtensions = [SdpHeaderExtensionUris.AudioLevel],
        });
        return _negotiated.LocalSdp;
    }

    /// <summary>ICE (checks until answered), then DTLS with the server at <paramref name="server"/>, then SRTP keys.</summary>
    public async Task ConnectAsync(IPEndPoint server, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        _server = _socket.CreateRemoteAddress(server);
        while (true)
        {
            SendCheck();
            if (await _stunAnswered.WaitAsync(TimeSpan.FromMilliseconds(200), cancellation.Token))
            {
                break;
            }
        }

        NegotiatedSession negotiated = Negotiated;
        DtlsRole role = negotiated.LocalDtlsRole == SdpDtlsRole.Client ? DtlsRole.Client : DtlsRole.Server;
        var dtls = new DtlsTransport(role, _certificate, DtlsFingerprint.Parse(negotiated.RemoteFingerprint.ToString()), this);
        _dtls = dtls;
        HandshakeResult = await dtls.StartAsync(cancellation.Token);
        SrtpProtectionProfileExtensions.TryFromId(HandshakeResult.SrtpProtectionProfile, out SrtpProtectionProfile profile);
        using SrtpKeyingMaterial keys = SrtpKeyingMaterial.Split(profile, HandshakeResult.KeyingMaterial, role == DtlsRole.Client);
        _outbound = keys.CreateOutboundContext();
        _inbound = keys.CreateInboundContext();
    }

    /// <summary>Starts ICE and DTLS without waiting (for failure tests).</summary>
    public Task<DtlsHandshakeResult> StartConnecting(IPEndPoint server)
    {
        _server = _socket.CreateRemoteAddress(server);
        SendCheck();
        NegotiatedSession negotiated = Negotiated;
        DtlsRole role = negotiated.LocalDtlsRole == SdpDtlsRole.Client ? DtlsRole.Client : DtlsRole.Server;
        var dtls = new DtlsTransport(role, _certificate, DtlsFingerprint.Parse(negotiated.RemoteFingerprint.ToString()), this);
        _dtls = dtls;
        return dtls.StartAsync();
    }

    /// <summary>A Binding request as a controlling browser sends it (USERNAME server:us, USE-CANDIDATE, MESSAGE-INTEGRITY, FINGERPRINT).</summary>
    public void SendCheck()
    {
        byte[] buffer = new byte[512];
        byte[] transactionId = new byte[StunMessage.TransactionIdLength];
        Random.Shared.NextBytes(transactionId);
        var writer = new StunMessageWriter(buffer, StunMethod.Binding, StunMessageClass.Request, transactionId);
        writer.AddUsername(Encoding.ASCII.GetBytes(Negotiated.RemoteIceUfrag + ":" + Ufrag));
        writer.AddPriority(1853824767);
        writer.AddIceControlling(0x1234_5678_9ABC_DEF0);
        writer.AddUseCandidate();
        writer.AddMessageIntegrity(Encoding.ASCII.GetBytes(Negotiated.RemoteIcePassword));
        int length = writer.AddFingerprint();
        SendRaw(buffer.AsSpan(0, length));
    }

    public void SendRaw(ReadOnlySpan<byte> datagram) => _socket.TrySend(datagram, _server!);

    /// <summary>Sends one Opus packet as SRTP (PT 111, audio level and transport-cc header extensions).</summary>
    public bool SendOpus(ReadOnlySpan<byte> opus, byte audioLevel = 30, bool marker = false)
    {
        lock (_sendLock)
        {
            Span<byte> packet = stackalloc byte[1500];
            var writer = new RtpHeaderWriter(packet, new RtpHeaderFields(OpusPayloadType, marker, _sequenceNumber++, _timestamp, Ssrc), default, RtpHeaderExtensionForm.OneByte);
            writer.TryAddExtension(AudioLevelId, [audioLevel]);
            Span<byte> transportSequence = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(transportSequence, _transportSequence++);
            writer.TryAddExtension(TransportCcId, transportSequence);
            int header = writer.Finish();
            opus.CopyTo(packet.Slice(header));
            _timestamp += 960;
            if (!_outbound!.TryProtectRtp(packet.Slice(0, header + opus.Length), _sendBuffer, out int length))
            {
                return false;
            }

            return _socket.TrySend(_sendBuffer.AsSpan(0, length), _server!);
        }
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        if (_server is { } server)
        {
            _socket.TrySend(datagram, server);
        }
    }

    public void OnDatagram(ReceivedDatagram datagram)
    {
        switch (datagram.Kind)
        {
            case PacketKind.Stun:
                if (StunMessage.TryParse(datagram.Data, out StunMessage message) && message.Class == StunMessageClass.SuccessResponse)
                {
                    Interlocked.Increment(ref _stunResponses);
                    _stunAnswered.Release();
                }

                break;
            case PacketKind.Dtls:
                _dtls?.OnDatagram(datagram.Data);
                break;
            case PacketKind.Rtp when _inbound is { } inbound:
                if (inbound.UnprotectRtp(datagram.Data, out int length) == SrtpUnprotectResult.Ok && RtpPacket.TryParse(datagram.Data.Slice(0, length), out RtpPacket packet))
                {
                    var extensions = new Dictionary<int, byte[]>();
                    foreach (RtpHeaderExtension extension in packet.Extensions)
                    {
                        extensions[extension.Id] = extension.Data.ToArray();
                    }

                    _received.Enqueue(new ReceivedRtp(packet.Ssrc, packet.SequenceNumber, packet.Timestamp, packet.PayloadType, packet.Marker, packet.Payload.ToArray(), extensions));
                }

                break;
            case PacketKind.Rtcp when _inbound is { } inbound:
                if (inbound.UnprotectRtcp(datagram.Data, out int rtcpLength) == SrtpUnprotectResult.Ok)
                {
                    _receivedRtcp.Enqueue(datagram.Data.Slice(0, rtcpLength).ToArray());
                    Interlocked.Increment(ref RtcpReceived);
                }

                break;
            default:
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _dtls?.Dispose();
        await _socket.DisposeAsync();
        _inbound?.Dispose();
        _outbound?.Dispose();
        _stunAnswered.Dispose();
    }

    internal sealed record ReceivedRtp(uint Ssrc, ushort SequenceNumber, uint Timestamp, byte PayloadType, bool Marker, byte[] Payload, Dictionary<int, byte[]> Extensions);
}
