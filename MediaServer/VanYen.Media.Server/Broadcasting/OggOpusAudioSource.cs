using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>A library file (<see cref="OggOpusFileSource"/>) as a program source.</summary>
internal sealed class OggOpusAudioSource : IAudioSource
{
    private readonly OggOpusFileSource _file;

    private OggOpusAudioSource(OggOpusFileSource file, string description)
    {
        _file = file;
        Description = description;
    }

    public string Description { get; }

    public static OggOpusAudioSource Open(string path, string? title = null) =>
        new(OggOpusFileSource.Open(path), "file: " + (title ?? Path.GetFileName(path)));

    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        // Completes synchronously (the file source reads one small Ogg page at a time).
        ValueTask<bool> read = _file.ReadFrameAsync(frame[..PcmFrame.SamplesPerFrame], cancellationToken);
        if (read.IsCompletedSuccessfully)
        {
            return new ValueTask<AudioSourceReadResult>(read.Result ? AudioSourceReadResult.Frame : AudioSourceReadResult.EndOfStream);
        }

        return AwaitAsync(read);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    private static async ValueTask<AudioSourceReadResult> AwaitAsync(ValueTask<bool> read) =>
        await read.ConfigureAwait(false) ? AudioSourceReadResult.Frame : AudioSourceReadResult.EndOfStream;
}
