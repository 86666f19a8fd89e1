namespace VanYen.Media.Engine.Meetings;

/// <summary>Totals since the bridge opened; read any time (each value is read atomically).</summary>
public sealed class MeetingMediaCounters
{
    private long _ticks;
    private long _listenerMixEncodes;
    private long _talkerMixEncodes;
    private long _framesDecoded;
    private long _silentFramesNotDecoded;
    private long _packetsDropped;

    /// <summary>20 ms mixing ticks run.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Frames of the shared listener mix encoded: one per tick however many listeners.</summary>
    public long ListenerMixEncodes => Interlocked.Read(ref _listenerMixEncodes);

    /// <summary>Frames of talkers' mix-minus encoded (one per talker per tick).</summary>
    public long TalkerMixEncodes => Interlocked.Read(ref _talkerMixEncodes);

    /// <summary>Opus frames decoded (talkers only).</summary>
    public long FramesDecoded => Interlocked.Read(ref _framesDecoded);

    /// <summary>20 ms frames of participants who were not talking that passed their jitter buffer without a decode (packet or concealment).</summary>
    public long SilentFramesNotDecoded => Interlocked.Read(ref _silentFramesNotDecoded);

    /// <summary>Packets dropped (malformed, unknown source, wrong payload type).</summary>
    public long PacketsDropped => Interlocked.Read(ref _packetsDropped);

    /// <summary>Counts one tick.</summary>
    public void AddTick() => Interlocked.Increment(ref _ticks);

    /// <summary>Counts one listener-mix encode.</summary>
    public void AddListenerMixEncode() => Interlocked.Increment(ref _listenerMixEncodes);

    /// <summary>Counts one talker mix-minus encode.</summary>
    public void AddTalkerMixEncode() => Interlocked.Increment(ref _talkerMixEncodes);

    /// <summary>Counts one decoded frame.</summary>
    public void AddFrameDecoded() => Interlocked.Increment(ref _framesDecoded);

    /// <summary>Counts one frame left undecoded because its sender was not talking.</summary>
    public void AddSilentFrameNotDecoded() => Interlocked.Increment(ref _silentFramesNotDecoded);

    /// <summary>Counts one dropped packet.</summary>
    public void AddPacketDropped() => Interlocked.Increment(ref _packetsDropped);
}
