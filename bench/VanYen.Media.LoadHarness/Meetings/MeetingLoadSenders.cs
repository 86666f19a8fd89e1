using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.LoadHarness.Meetings;

/// <summary>
/// The simulated participants: one UDP socket each on 127.0.0.1 (the bridge tells them apart by port), all sent from
/// one thread every 20 ms: talkers their speech packets, the others a silence frame at level 127 (RFC 6464), each
/// with the level on one-byte extension id 1. What the bridge sends back is left unread (the kernel drops it).
/// </summary>
/// <remarks>
/// Real participants send at any moment of the bridge's 20 ms tick; a packet waits for the next tick, so the latency
/// measured depends on where in the tick it lands. Sending everyone at one instant would measure one arbitrary
/// phase (runs of the same build measured 9 to 17 ms at the median, by phase alone). Participant i sends at
/// (i mod <see cref="PhaseGroups"/>) thirds of the period, so the three talkers land at three points of the tick.
/// </remarks>
internal sealed class MeetingLoadSenders : IDisposable
{
    public const byte PayloadType = 111;

    /// <summary>How many send instants the 20 ms period is split into (one per talker by default).</summary>
    public const int PhaseGroups = 3;

    private readonly Socket[] _sockets;
    private readonly SocketAddress?[] _servers;
    private readonly int _talkers;
    private readonly MeetingLoadAudio _audio;
    private readonly byte[] _packet = new byte[1500];
    private readonly byte[] _level = new byte[1];
    private Thread? _thread;
    private volatile bool _stopping;
    private long _cpuNanoseconds;

    public MeetingLoadSenders(int participants, int talkers, MeetingLoadAudio audio)
    {
        _talkers = talkers;
        _audio = audio;
        _sockets = new Socket[participants];
        _servers = new SocketAddress?[participants];
        for (int i = 0; i < participants; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4096 };
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _sockets[i] = socket;
        }
    }

    /// <summary>CPU time the sender thread used so far.</summary>
    public long CpuNanoseconds => Interlocked.Read(ref _cpuNanoseconds);

    public IPEndPoint LocalEndPoint(int participant) => (IPEndPoint)_sockets[participant].LocalEndPoint!;

    public void Connect(int participant, IPEndPoint server) => _servers[participant] = server.Serialize();

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "meeting load senders", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public void Stop()
    {
        _stopping = true;
        _thread?.Join();
    }

    public void Dispose()
    {
        Stop();
        foreach (Socket socket in _sockets)
        {
            socket.Dispose();
        }
    }

    private void Run()
    {
        long period = Stopwatch.Frequency / 50;
        long start = Stopwatch.GetTimestamp();
        ushort sequence = 0;
        uint timestamp = 0;
        for (long frame = 0; !_stopping; frame++)
        {
            long deadline = start + (frame * period);
            for (int group = 0; group < PhaseGroups; group++)
            {
                WaitUntil(deadline + (group * period / PhaseGroups));
                SendGroup(group, frame, sequence, timestamp);
            }

            sequence++;
            timestamp += 960;
            Interlocked.Exchange(ref _cpuNanoseconds, ThreadCpuTime.NowNanoseconds());
        }
    }

    private void SendGroup(int group, long frame, ushort sequence, uint timestamp)
    {
        for (int i = group; i < _sockets.Length; i += PhaseGroups)
        {
            byte[] opus;
            byte level;
            if (i < _talkers)
            {
                var speech = _audio.Speech[i];
                (opus, level) = speech[(int)(frame % speech.Count)];
            }
            else
            {
                (opus, level) = (_audio.Silence, (byte)127);
            }

            var writer = new RtpHeaderWriter(_packet, new RtpHeaderFields(PayloadType, false, sequence, timestamp, (uint)(i + 1)), default, RtpHeaderExtensionForm.OneByte);
            _level[0] = level;
            writer.TryAddExtension(1, _level);
            int header = writer.Finish();
            opus.CopyTo(_packet, header);
            _sockets[i].SendTo(_packet.AsSpan(0, header + opus.Length), SocketFlags.None, _servers[i]!);
        }
    }

    private static void WaitUntil(long deadline)
    {
        while (true)
        {
            long remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            if (remaining > Stopwatch.Frequency / 500)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }
}
