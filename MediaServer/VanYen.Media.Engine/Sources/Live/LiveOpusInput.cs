using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Sources.Live;

/// <summary>
/// One incoming Opus RTP stream (RFC 7587) played out 20 ms at a time: a <see cref="JitterBuffer"/> in front of an
/// <see cref="OpusAudioDecoder"/> (mono, 48 kHz unless told otherwise) with FEC recovery and loss concealment, plus the arrival bookkeeping
/// every live input needs (packets received, time of the last packet). Shared by the live program sources and the
/// meetings' bridge inputs.
/// </summary>
/// <remarks>
/// One thread inserts (the socket's receive loop) and one plays out (the clock); neither allocates. Dispose only
/// when no more frames will be popped (the decoder's native state is freed); later inserts are ignored.
/// </remarks>
public sealed class LiveOpusInput : IDisposable
{
    private readonly OpusAudioDecoder _decoder;
    private readonly JitterBuffer _jitter;
    private readonly TimeProvider _time;
    private long _lastPacketTimestamp;
    private long _packetsReceived;
    private int _disposed;

    /// <summary>Creates the input; the jitter buffer's arrival clock is <paramref name="timeProvider"/>'s.</summary>
    /// <param name="jitterOptions">The jitter buffer's settings.</param>
    /// <param name="timeProvider">The clock of arrival times; the system's when null.</param>
    /// <param name="sampleRate">The rate frames are decoded at (any Opus rate; the RTP clock stays 48 kHz, RFC 7587 §4.1).</param>
    public LiveOpusInput(JitterBufferOptions jitterOptions, TimeProvider? timeProvider = null, int sampleRate = 48000)
    {
        ArgumentNullException.ThrowIfNull(jitterOptions);
        _decoder = new OpusAudioDecoder(sampleRate, 1);
        _time = timeProvider ?? TimeProvider.System;
        _jitter = new JitterBuffer(jitterOptions with { TimestampFrequency = _time.TimestampFrequency }, _decoder);
        _lastPacketTimestamp = _time.GetTimestamp();
    }

    /// <summary>Samples in one 20 ms frame at the decoding rate (960 at 48 kHz, 320 at 16 kHz).</summary>
    public int FrameSamples => _jitter.OutputFrameSamples;

    /// <summary>Opus packets handed to the jitter buffer.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>When the last packet arrived (or the input was created), in <see cref="TimeProvider"/> ticks.</summary>
    public long LastPacketTimestamp => Interlocked.Read(ref _lastPacketTimestamp);

    /// <summary>The jitter buffer's counters (loss, concealment, delay).</summary>
    public JitterBufferStatistics Statistics => _jitter.Statistics;

    /// <summary>The arrival timestamp of the packet the last pop played (on the popping thread).</summary>
    public long LastPlayedArrivalTimestamp => _jitter.LastPlayedArrivalTimestamp;

    /// <summary>The clock of arrival times.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>Buffers one RTP packet's Opus payload, stamped now; ignored after <see cref="Dispose"/>.</summary>
    public JitterInsertResult Insert(in RtpPacket packet) => Insert(packet, _time.GetTimestamp());

    /// <summary>Buffers one RTP packet's Opus payload that arrived at <paramref name="arrivalTimestamp"/>.</summary>
    public JitterInsertResult Insert(in RtpPacket packet, long arrivalTimestamp)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return JitterInsertResult.Malformed;
        }

        Interlocked.Exchange(ref _lastPacketTimestamp, arrivalTimestamp);
        Interlocked.Increment(ref _packetsReceived);
        return _jitter.Insert(packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Payload, arrivalTimestamp);
    }

    /// <summary>
    /// Notes a packet that arrived but is not to be played (a gate holds the stream back): the sender is alive, so
    /// <see cref="IsIdleFor"/> counts from now.
    /// </summary>
    public void KeepAlive() => Interlocked.Exchange(ref _lastPacketTimestamp, _time.GetTimestamp());

    /// <summary>Decodes the next 20 ms (<see cref="FrameSamples"/> samples) into <paramref name="frame"/>: decoded, FEC, concealed or silence.</summary>
    public JitterFrameKind Pop(Span<short> frame) => _jitter.Pop(frame[.._jitter.OutputFrameSamples], _time.GetTimestamp());

    /// <summary>Moves on by 20 ms without decoding (<see cref="JitterBuffer.Skip()"/>).</summary>
    public JitterFrameKind Skip() => _jitter.Skip(_time.GetTimestamp());

    /// <summary>True when no packet arrived for <paramref name="timeout"/> (or more).</summary>
    public bool IsIdleFor(TimeSpan timeout) =>
        _time.GetTimestamp() - LastPacketTimestamp >= (long)(timeout.TotalSeconds * _time.TimestampFrequency);

    /// <summary>Forgets the buffered stream (packets, decoder history); counters stay.</summary>
    public void Reset() => _jitter.Reset();

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _decoder.Dispose();
        }
    }
}
