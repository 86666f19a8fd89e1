using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Broadcast;

/// <summary>
/// One loudspeaker cluster's output: its own RTP stream (SSRC, sequence numbers, timestamps that stay continuous
/// across program changes) and the receivers attached to it. The broadcast engine publishes one frame per tick; the
/// channel writes the RTP header once and hands the same bytes to every sink (encode once, fan out).
/// </summary>
/// <remarks>
/// Sinks are kept in a copy-on-write array: attaching and detaching (rare, any thread) copy it, publishing (every
/// 20 ms, the clock's thread) reads it without a lock and allocates nothing.
/// </remarks>
public sealed partial class ClusterChannel
{
    /// <summary>The dynamic payload type every cluster stream uses for Opus (the devices learn it at login).</summary>
    public const byte OpusPayloadType = 111;

    /// <summary>Largest Opus payload a frame may carry.</summary>
    public const int MaxPayloadLength = 1275;

    private const int SamplesPerTick = 960;

    private readonly Lock _sinksLock = new();
    private readonly byte[] _packet = new byte[RtpPacket.FixedHeaderLength + MaxPayloadLength];
    private readonly ILogger _logger;
    private volatile IClusterSink[] _sinks = [];
    private ushort _sequenceNumber;
    private uint _timestamp;
    private bool _wasIdle = true;
    private long _sinkErrors;
    private long _framesPublished;

    /// <summary>Creates the channel of <paramref name="clusterId"/> with a random SSRC and random initial sequence number and timestamp (RFC 3550 §5.1).</summary>
    public ClusterChannel(long clusterId, ILogger? logger = null)
    {
        ClusterId = clusterId;
        Ssrc = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        _sequenceNumber = (ushort)RandomNumberGenerator.GetInt32(0, ushort.MaxValue + 1);
        _timestamp = (uint)RandomNumberGenerator.GetInt32(0, int.MaxValue);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The cluster.</summary>
    public long ClusterId { get; }

    /// <summary>This cluster's RTP SSRC.</summary>
    public uint Ssrc { get; }

    /// <summary>Receivers attached right now.</summary>
    public int SinkCount => _sinks.Length;

    /// <summary>Program frames published (idle ticks not counted).</summary>
    public long FramesPublished => Interlocked.Read(ref _framesPublished);

    /// <summary>Exceptions thrown by sinks (each one is logged and the other sinks still get the frame).</summary>
    public long SinkErrors => Interlocked.Read(ref _sinkErrors);

    /// <summary>The program heard on this cluster at the last tick, or null.</summary>
    public string? OnAirProgramId { get; private set; }

    /// <summary>Attaches a receiver; dispose the result to detach it.</summary>
    public IDisposable Attach(IClusterSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_sinksLock)
        {
            var next = new IClusterSink[_sinks.Length + 1];
            _sinks.CopyTo(next, 0);
            next[^1] = sink;
            _sinks = next;
        }

        return new Attachment(this, sink);
    }

    /// <summary>
    /// Publishes one tick: <paramref name="programId"/>'s Opus frame and the PCM it came from, or an idle tick when
    /// <paramref name="programId"/> is null (<paramref name="opusPayload"/> is then the encoded silent frame).
    /// Called by the engine on the clock's thread.
    /// </summary>
    public void Publish(string? programId, ReadOnlySpan<byte> opusPayload, ReadOnlySpan<short> pcm)
    {
        if (opusPayload.Length > MaxPayloadLength)
        {
            throw new ArgumentException("The Opus payload is longer than one Opus packet may be.", nameof(opusPayload));
        }

        OnAirProgramId = programId;
        uint timestamp = _timestamp;
        _timestamp += SamplesPerTick;
        ReadOnlySpan<byte> packet = default;
        if (programId is not null)
        {
            // RFC 3551 §4.1: the first packet after a silence (here: an idle cluster) carries the marker bit.
            var fields = new RtpHeaderFields(OpusPayloadType, _wasIdle, _sequenceNumber, timestamp, Ssrc);
            int header = RtpHeaderWriter.Write(_packet, fields);
            opusPayload.CopyTo(_packet.AsSpan(header));
            packet = _packet.AsSpan(0, header + opusPayload.Length);
            _sequenceNumber++;
            _wasIdle = false;
            Interlocked.Increment(ref _framesPublished);
        }
        else
        {
            _wasIdle = true;
        }

        ushort sequenceNumber = programId is null ? (ushort)(_sequenceNumber - 1) : BinaryPrimitives.ReadUInt16BigEndian(_packet.AsSpan(2));
        var frame = new ClusterFrame(ClusterId, programId, packet, opusPayload, pcm, Ssrc, sequenceNumber, timestamp);
        IClusterSink[] sinks = _sinks;
        for (int i = 0; i < sinks.Length; i++)
        {
            try
            {
                sinks[i].OnFrame(in frame);
            }
#pragma warning disable CA1031 // One faulty receiver must not silence the others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _sinkErrors);
                LogSinkFailed(_logger, exception, ClusterId);
            }
        }
    }

    private void Detach(IClusterSink sink)
    {
        lock (_sinksLock)
        {
            int index = Array.IndexOf(_sinks, sink);
            if (index < 0)
            {
                return;
            }

            var next = new IClusterSink[_sinks.Length - 1];
            Array.Copy(_sinks, 0, next, 0, index);
            Array.Copy(_sinks, index + 1, next, index, _sinks.Length - index - 1);
            _sinks = next;
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "A receiver of cluster {ClusterId} failed on a frame; it stays attached")]
    private static partial void LogSinkFailed(ILogger logger, Exception exception, long clusterId);

    private sealed class Attachment(ClusterChannel channel, IClusterSink sink) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                channel.Detach(sink);
            }
        }
    }
}
