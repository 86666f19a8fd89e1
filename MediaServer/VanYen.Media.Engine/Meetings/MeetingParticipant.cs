using System.Net;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Sources.Live;
using VanYen.Media.Engine.WebRtc;

namespace VanYen.Media.Engine.Meetings;

/// <summary>
/// One participant's media in a bridge: its input (jitter buffer + decoder, level of the latest packet) and its
/// output stream (our SSRC, sequence number and timestamp, the mix sent as RTP/Opus), over WebRTC or plain RTP.
/// </summary>
/// <remarks>
/// The receive loop calls <see cref="OnPacket"/>; everything else runs on the clock thread under the bridge's lock.
/// </remarks>
internal sealed class MeetingParticipant : IRtpSink, IDisposable
{
    /// <summary>Room for an RTP header without CSRCs or extensions, then the largest 20 ms Opus packet.</summary>
    public const int HeaderLength = RtpPacket.FixedHeaderLength;
    public const int MaxOpusPacketLength = 1275;

    private const int NoLevel = -1;
    private const int VoiceFlag = 0x80;

    private readonly MeetingMedia _meeting;
    private readonly MeetingRtpPort? _port;
    private readonly byte[] _talkerPacket = new byte[HeaderLength + MaxOpusPacketLength];
    private int _pendingLevel = NoLevel;
    private bool _silentLastFrame = true;

    public MeetingParticipant(MeetingMedia meeting, string id, LiveOpusInput input, uint ssrc, byte payloadType, int audioLevelExtensionId)
    {
        _meeting = meeting;
        Id = id;
        Input = input;
        Ssrc = ssrc;
        PayloadType = payloadType;
        AudioLevelExtensionId = audioLevelExtensionId;
        SequenceNumber = (ushort)Random.Shared.Next();
        Timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);
    }

    /// <summary>A plain RTP participant: sends to and receives from <paramref name="remote"/> on the port.</summary>
    public MeetingParticipant(MeetingMedia meeting, string id, LiveOpusInput input, uint ssrc, byte payloadType, int audioLevelExtensionId, MeetingRtpPort port, IPEndPoint remote)
        : this(meeting, id, input, ssrc, payloadType, audioLevelExtensionId)
    {
        _port = port;
        Remote = remote;
        RemoteAddress = port.CreateRemoteAddress(remote);
    }

    public string Id { get; }

    public LiveOpusInput Input { get; }

    /// <summary>The mixer's input id.</summary>
    public int MixerInput { get; set; } = -1;

    public uint Ssrc { get; }

    /// <summary>Opus payload type of both directions.</summary>
    public byte PayloadType { get; }

    /// <summary>The RFC 6464 extension's id in this participant's packets; 0 when it sends none.</summary>
    public int AudioLevelExtensionId { get; }

    public IPEndPoint? Remote { get; }

    public System.Net.SocketAddress? RemoteAddress { get; }

    public bool PlainRtp => _port is not null;

    public WebRtcPeer? Peer { get; set; }

    /// <summary>The session id given to the room service (WebRTC only).</summary>
    public string? SessionId { get; set; }

    public bool Muted { get; set; }

    /// <summary>The last level heard, 0 (loudest) to 127 (silence).</summary>
    public int Level { get; set; } = AudioLevel.MaximumLevel;

    /// <summary>The encoder of this participant's mix-minus while it is a talker (from the bridge's pool).</summary>
    public OpusAudioEncoder? TalkerEncoder { get; set; }

    /// <summary>This participant's own packet buffer, for its mix-minus while it is a talker.</summary>
    public Span<byte> TalkerPacket => _talkerPacket;

    /// <summary>Arrival timestamp of the packet decoded for this tick (0: none), for the latency probe.</summary>
    public long PlayedArrival { get; set; }

    /// <summary>Arrival timestamp of the last packet decoded, so a packet longer than 20 ms is probed once.</summary>
    public long ProbedArrival { get; set; }

    public ushort SequenceNumber { get; private set; }

    public uint Timestamp { get; private set; }

    public bool Connected => PlainRtp ? Input.PacketsReceived > 0 : Peer is { IsConnected: true };

    public bool Ended { get; set; }

    /// <inheritdoc/>
    public void OnRtp(WebRtcPeer peer, in RtpPacket packet) => OnPacket(packet);

    /// <summary>One RTP packet from the participant (receive loop): level noted, payload buffered. Allocates nothing.</summary>
    public void OnPacket(in RtpPacket packet)
    {
        if (packet.PayloadType != PayloadType || packet.Payload.IsEmpty)
        {
            _meeting.OnPacketDropped(this, "wrong payload type or empty payload");
            return;
        }

        if (AudioLevelExtensionId != 0 && packet.HasExtension
            && packet.TryGetExtension(AudioLevelExtensionId, out ReadOnlySpan<byte> data)
            && AudioLevelExtension.TryRead(data, out AudioLevel level))
        {
            Volatile.Write(ref _pendingLevel, level.Level | (level.Voice ? VoiceFlag : 0));
        }
        else if (packet.Payload.Length <= 2)
        {
            // A DTX frame (RFC 7587 §3.1.3: one or two bytes) is silence: rank it so without decoding it.
            Volatile.Write(ref _pendingLevel, AudioLevel.MaximumLevel);
        }

        if (Input.Insert(packet) == Audio.Jitter.JitterInsertResult.Malformed)
        {
            _meeting.OnPacketDropped(this, "not an Opus packet");
        }
    }

    /// <summary>A datagram from this participant that is not RTP.</summary>
    public void OnMalformed() => _meeting.OnPacketDropped(this, "not an RTP packet");

    /// <summary>Takes the level of the packets received since the last tick: false when none carried one.</summary>
    public bool TakeLevel(out byte level, out bool voice)
    {
        int value = Interlocked.Exchange(ref _pendingLevel, NoLevel);
        level = (byte)(value & 0x7F);
        voice = (value & VoiceFlag) != 0;
        return value != NoLevel;
    }

    /// <summary>
    /// Sends one 20 ms frame whose Opus payload is at <paramref name="packet"/>[<see cref="HeaderLength"/>..], writing
    /// this participant's header in front of it (the buffer may be shared: sends are synchronous). A DTX frame (two
    /// bytes or less) is not sent; the timestamp still moves on, and the next packet sent carries the marker
    /// (RFC 3551 §4.1: the first packet of a talkspurt).
    /// </summary>
    /// <param name="packet">The packet buffer: header room, then the Opus payload.</param>
    /// <param name="payloadLength">The Opus payload's length.</param>
    /// <param name="batch">Where a plain RTP participant's packet is queued (copied), sent by the bridge once per tick.</param>
    public void SendFrame(Span<byte> packet, int payloadLength, PacketSendBatch batch)
    {
        uint timestamp = Timestamp;
        Timestamp = timestamp + Audio.PcmFrame.SamplesPerFrame;
        if (payloadLength <= 2)
        {
            _silentLastFrame = true;
            return;
        }

        RtpHeaderWriter.Write(packet, new RtpHeaderFields(PayloadType, _silentLastFrame, SequenceNumber, timestamp, Ssrc));
        SequenceNumber++;
        _silentLastFrame = false;
        ReadOnlySpan<byte> datagram = packet[..(HeaderLength + payloadLength)];
        if (_port is not null)
        {
            _port.Send(datagram, RemoteAddress!, batch);
        }
        else
        {
            Peer?.SendRtp(datagram);
        }
    }

    public void Dispose() => Input.Dispose();
}
