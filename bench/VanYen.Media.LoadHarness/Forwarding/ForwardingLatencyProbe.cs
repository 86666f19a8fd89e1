using System.Diagnostics;
using System.Net;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.LoadHarness.Forwarding;

/// <summary>
/// Measures the SFU inside the process: stands between the server socket and the WebRTC endpoint on receive (the
/// arrival time of each datagram, on the socket's receive thread, plus that thread's CPU per datagram) and on send
/// (each RTP packet sent during the handling of a datagram gets arrival → send in a 1 µs histogram).
/// </summary>
internal sealed class ForwardingLatencyProbe(IDatagramHandler inner) : IDatagramHandler, IPacketTransport
{
    private const int BucketCount = 20_000;

    [ThreadStatic]
    private static long t_arrival;

    private readonly long[] _buckets = new long[BucketCount + 1];
    private readonly double _ticksPerMicrosecond = Stopwatch.Frequency / 1_000_000.0;
    private IPacketTransport? _transport;
    private long _datagramsIn;
    private long _rtpOut;
    private long _cpuNanoseconds;

    public IPEndPoint LocalEndPoint => _transport!.LocalEndPoint;

    public MediaSocketCounters Counters => _transport!.Counters;

    public long DatagramsIn => Interlocked.Read(ref _datagramsIn);

    public long RtpOut => Interlocked.Read(ref _rtpOut);

    /// <summary>CPU the server's receive thread spent handling datagrams (the whole SFU path runs there).</summary>
    public long CpuNanoseconds => Interlocked.Read(ref _cpuNanoseconds);

    public void Attach(IPacketTransport transport) => _transport = transport;

    public void OnDatagram(ReceivedDatagram datagram)
    {
        long cpuBefore = ThreadCpuTime.NowNanoseconds();
        t_arrival = Stopwatch.GetTimestamp();
        inner.OnDatagram(datagram);
        t_arrival = 0;
        Interlocked.Increment(ref _datagramsIn);
        Interlocked.Add(ref _cpuNanoseconds, ThreadCpuTime.NowNanoseconds() - cpuBefore);
    }

    public bool TrySend(ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        long arrival = t_arrival;
        // RFC 5761 §4: RTCP packet types 192–223 in the second byte; everything else (marker + payload type) is RTP.
        if (arrival != 0 && datagram.Length > 1 && datagram[1] is < 192 or > 223)
        {
            long microseconds = (long)((Stopwatch.GetTimestamp() - arrival) / _ticksPerMicrosecond);
            Interlocked.Increment(ref _buckets[Math.Min(microseconds, BucketCount)]);
            Interlocked.Increment(ref _rtpOut);
        }

        return _transport!.TrySend(datagram, remote);
    }

    /// <summary>Forgets what was measured so far (after the joins and warm-up).</summary>
    public void Reset()
    {
        Array.Clear(_buckets);
        Interlocked.Exchange(ref _datagramsIn, 0);
        Interlocked.Exchange(ref _rtpOut, 0);
        Interlocked.Exchange(ref _cpuNanoseconds, 0);
    }

    /// <summary>The latency under which <paramref name="quantile"/> of the packets were sent, in µs.</summary>
    public long Percentile(double quantile)
    {
        long total = 0;
        foreach (long count in _buckets)
        {
            total += count;
        }

        long rank = (long)Math.Ceiling(total * quantile);
        long seen = 0;
        for (int i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= rank && seen > 0)
            {
                return i;
            }
        }

        return 0;
    }
}
