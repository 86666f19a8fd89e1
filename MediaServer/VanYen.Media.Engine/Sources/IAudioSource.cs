namespace VanYen.Media.Engine.Sources;

/// <summary>
/// Something the program bus can play: live voice, text-to-speech, a file, a relayed station.
/// A source hands out 20 ms frames of 48 kHz mono 16-bit PCM (<see cref="Audio.PcmFrame.SamplesPerFrame"/>
/// = 960 samples) one at a time, until it reports <see cref="AudioSourceReadResult.EndOfStream"/>.
/// </summary>
/// <remarks>
/// Reading is per frame, so it allocates nothing in steady state: the caller owns the buffer, and
/// a source that has the next frame ready completes the <see cref="ValueTask{TResult}"/> synchronously.
/// A source that is still producing (synthesising, buffering a stream) completes it later; the bus
/// decides whether to wait or to play silence for that tick. One reader at a time.
/// </remarks>
public interface IAudioSource : IAsyncDisposable
{
    /// <summary>What is playing, for logs and the console ("TTS vi: Thông báo về…", "file: ban-tin.mp3").</summary>
    string Description { get; }

    /// <summary>
    /// Writes the next 20 ms frame (960 samples at 48 kHz, mono) into the first
    /// <see cref="Audio.PcmFrame.SamplesPerFrame"/> samples of <paramref name="frame"/> and returns
    /// <see cref="AudioSourceReadResult.Frame"/>; the last frame of a stream is padded with silence.
    /// Returns <see cref="AudioSourceReadResult.EndOfStream"/>, without writing, once the source is done.
    /// </summary>
    /// <param name="frame">At least 960 samples.</param>
    /// <param name="cancellationToken">Stops waiting for a frame that is not ready yet.</param>
    /// <exception cref="ArgumentException"><paramref name="frame"/> is shorter than 960 samples.</exception>
    ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken);
}
