using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>An <see cref="FfmpegAudioDecoder"/> (a relayed URL) as a program source.</summary>
internal sealed class DecoderAudioSource(FfmpegAudioDecoder decoder) : IAudioSource
{
    public string Description => "relay: " + decoder.Description;

    public async ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        bool read = await decoder.ReadFrameAsync(frame[..PcmFrame.SamplesPerFrame], cancellationToken).ConfigureAwait(false);
        return read ? AudioSourceReadResult.Frame : AudioSourceReadResult.EndOfStream;
    }

    public ValueTask DisposeAsync() => decoder.DisposeAsync();
}
