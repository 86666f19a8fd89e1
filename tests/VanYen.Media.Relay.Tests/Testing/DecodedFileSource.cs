using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;

namespace VanYen.Media.Relay.Tests.Testing;

/// <summary>A file played through <see cref="FfmpegAudioDecoder"/>, as the relay's fallback.</summary>
internal sealed class DecodedFileSource(FfmpegAudioDecoder decoder) : IAudioSource
{
    public string Description => "file: " + decoder.Description;

    public static async ValueTask<IAudioSource> OpenAsync(string path, CancellationToken cancellationToken) =>
        new DecodedFileSource(await FfmpegAudioDecoder.OpenAsync(path, cancellationToken: cancellationToken));

    public async ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken) =>
        await decoder.ReadFrameAsync(frame[..FfmpegAudioDecoder.FrameLength], cancellationToken);

    public ValueTask DisposeAsync() => decoder.DisposeAsync();
}
