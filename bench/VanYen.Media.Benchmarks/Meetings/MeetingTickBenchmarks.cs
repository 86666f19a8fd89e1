using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Levels;
using VanYen.Media.Engine.Meetings;
using VanYen.Media.Engine.Net;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc;
using VanYen.Media.Engine.WebRtc.Dtls;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.Benchmarks.Meetings;

/// <summary>
/// One 20 ms tick of a meeting's bridge with N plain RTP participants, 3 of them talking (a synthetic voiced signal
/// with levels) and the others silent at level 127: one packet per participant into its jitter buffer, then the tick
/// (levels, selection, 3 decodes, mix, 1 listener encode, 3 mix-minus encodes, N sends to closed ports on loopback).
/// </summary>
[MemoryDiagnoser]
public class MeetingTickBenchmarks
{
    private const int Talkers = 3;

    private readonly byte[] _packet = new byte[1500];
    private readonly byte[] _level = new byte[1];
    private WebRtcEndpoint _endpoint = null!;
    private UdpMediaSocket _socket = null!;
    private MediaClock _clock = null!;
    private RoomService _rooms = null!;
    private MeetingMediaService _service = null!;
    private MeetingMedia _meeting = null!;
    private MeetingParticipant[] _participants = null!;
    private (byte[] Opus, byte Level)[] _speech = null!;
    private byte[] _silence = null!;
    private int _frame;

    /// <summary>Participants in the meeting.</summary>
    [Params(10, 100)]
    public int Participants { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _endpoint = new WebRtcEndpoint(new IceLiteAgent());
        _socket = UdpMediaSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0), _endpoint, new UdpMediaSocketOptions { DualMode = false });
        _endpoint.Attach(_socket);
        _clock = new MediaClock();
        _rooms = new RoomService(_endpoint, DtlsCertificate.Create(), _clock);
        _service = new MeetingMediaService(_rooms, _clock, new MeetingMediaOptions { RtpEndPoint = new IPEndPoint(IPAddress.Loopback, 0), HangoverFrames = 1_000_000 }, NullLoggerFactory.Instance);
        _meeting = (MeetingMedia)_service.Open("bench");
        _clock.Remove(_meeting);
        _participants = new MeetingParticipant[Participants];
        for (int i = 0; i < Participants; i++)
        {
            _meeting.JoinPlainRtp("p" + i, new IPEndPoint(IPAddress.Loopback, 42000 + i), 111);
            _participants[i] = _meeting.FindParticipant("p" + i)!;
        }

        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Channels = 1, Bitrate = 32000 });
        var frame = new short[960];
        var buffer = new byte[1275];
        _speech = new (byte[], byte)[50];
        for (int f = 0; f < _speech.Length; f++)
        {
            for (int i = 0; i < frame.Length; i++)
            {
                // A voiced vowel-like signal: 140 Hz fundamental with harmonics, varying in level.
                double t = ((f * 960) + i) / 48000.0;
                frame[i] = (short)(6000 * (1 + Math.Sin(2 * Math.PI * 3 * t)) / 2 * (Math.Sin(2 * Math.PI * 140 * t) + (0.5 * Math.Sin(2 * Math.PI * 280 * t)) + (0.3 * Math.Sin(2 * Math.PI * 420 * t))));
            }

            int length = encoder.Encode(frame, buffer);
            _speech[f] = (buffer.AsSpan(0, length).ToArray(), AudioLevelMeter.MeasureLevel(frame));
        }

        int silenceLength = encoder.Encode(new short[960], buffer);
        _silence = buffer.AsSpan(0, silenceLength).ToArray();
        for (int i = 0; i < 20; i++)
        {
            Tick();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _service.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _rooms.Dispose();
        _endpoint.Dispose();
        _clock.Dispose();
        _socket.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>One packet per participant, then one tick.</summary>
    [Benchmark]
    public void Tick()
    {
        int frame = _frame++;
        for (int i = 0; i < _participants.Length; i++)
        {
            (byte[] opus, byte level) = i < Talkers ? _speech[(frame + (i * 7)) % _speech.Length] : (_silence, (byte)127);
            var writer = new RtpHeaderWriter(_packet, new RtpHeaderFields(111, false, (ushort)frame, (uint)(frame * 960), (uint)(i + 1)), default, RtpHeaderExtensionForm.OneByte);
            _level[0] = level;
            writer.TryAddExtension(1, _level);
            int header = writer.Finish();
            opus.CopyTo(_packet, header);
            RtpPacket.TryParse(_packet.AsSpan(0, header + opus.Length), out RtpPacket packet);
            _participants[i].OnPacket(packet);
        }

        _meeting.OnTick(frame);
    }
}
