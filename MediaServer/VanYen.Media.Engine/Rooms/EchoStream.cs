using System.Diagnostics;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc;

namespace VanYen.Media.Engine.Rooms;

/// <summary>
/// The echo loop of one session: received Opus goes into a jitter buffer (receive thread); every 20 ms tick pops a
/// decoded frame, keeps it in the received-audio ring, re-encodes it and sends it back on our own SSRC, sequence
/// numbers and timestamps (clock thread). The jitter buffer is safe for that one inserter and one popper.
/// </summary>
internal sealed class EchoStream : IRtpSink, IMediaClockHandler, IDisposable
{
    private const int MaxRtpHeaderLength = 12;
    private const int MaxOpusPacketLength = 1275;

    private readonly RoomParticipant _participant;
    private readonly OpusAudioDecoder _decoder = new(48000, 1);
    private readonly OpusAudioEncoder _encoder = new(new OpusEncoderOptions { Channels = 1, Bitrate = 48000 });
    private readonly JitterBuffer _jitter;
    private readonly short[] _pcm = new short[JitterBuffer.FrameSamples];
    private readonly byte[] _packet = new byte[MaxRtpHeaderLength + MaxOpusPacketLength];
    private readonly Lock _tickLock = new();
    private ushort _sequenceNumber = (ushort)Random.Shared.Next();
    private uint _timestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);
    private bool _started;
    private bool _disposed;

    public EchoStream(RoomParticipant participant, int ringSamples)
    {
        _participant = participant;
        _jitter = new JitterBuffer(new JitterBufferOptions(), _decoder);
        Ring = new AudioRing(ringSamples);
    }

    /// <summary>The decoded audio, for <see cref="IRoomService.TryGetReceivedAudio"/>.</summary>
    public AudioRing Ring { get; }

    /// <summary>Packets sent back.</summary>
    public long PacketsEchoed { get; private set; }

    public void OnRtp(WebRtcPeer peer, in RtpPacket packet)
    {
        if (packet.PayloadType == _participant.OpusPayloadType)
        {
            _jitter.Insert(packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Payload, Stopwatch.GetTimestamp());
        }
    }

    public void OnTick(long tick)
    {
        lock (_tickLock)
        {
            if (_disposed || _participant.Peer is not { IsConnected: true } peer)
            {
                return;
            }

            JitterFrameKind kind = _jitter.Pop(_pcm);
            bool first = !_started;
            if (first && kind == JitterFrameKind.Buffering)
            {
                return;
            }

            _started = true;
            Ring.Write(_pcm);
            var fields = new RtpHeaderFields((byte)_participant.OpusPayloadType, first, _sequenceNumber++, _timestamp, _participant.Ssrc);
            int headerLength = RtpHeaderWriter.Write(_packet, fields);
            int payloadLength = _encoder.Encode(_pcm, _packet.AsSpan(headerLength));
            _timestamp += JitterBuffer.FrameSamples;
            if (peer.SendRtp(_packet.AsSpan(0, headerLength + payloadLength)))
            {
                PacketsEchoed++;
            }
        }
    }

    public void Dispose()
    {
        lock (_tickLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _encoder.Dispose();
            _decoder.Dispose();
        }
    }
}
