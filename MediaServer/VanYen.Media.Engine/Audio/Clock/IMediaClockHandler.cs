namespace VanYen.Media.Engine.Audio.Clock;

/// <summary>Work done on every tick of a <see cref="MediaClock"/> (pop a jitter buffer, mix, encode, send).</summary>
public interface IMediaClockHandler
{
    /// <summary>Runs on the clock's thread; must be quick (well under the period) and should not throw.</summary>
    /// <param name="tick">The tick's index since the clock started (skipped ticks leave gaps).</param>
    void OnTick(long tick);
}
