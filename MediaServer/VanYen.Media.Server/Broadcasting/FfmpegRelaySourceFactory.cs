using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>
/// A plain relay: the first URL ffmpeg opens is played to its end, else the fallback file. No silence or failure
/// detection during the play (the relay source of the Relay project adds that and replaces this one).
/// </summary>
public sealed partial class FfmpegRelaySourceFactory : IRelaySourceFactory
{
    private readonly FfmpegAudioDecoderOptions _options;
    private readonly ILogger<FfmpegRelaySourceFactory> _logger;

    public FfmpegRelaySourceFactory(ILogger<FfmpegRelaySourceFactory> logger, FfmpegAudioDecoderOptions? options = null)
    {
        _logger = logger;
        _options = options ?? new FfmpegAudioDecoderOptions();
    }

    /// <inheritdoc />
    public async ValueTask<IAudioSource> OpenAsync(IReadOnlyList<string> urls, string? fallbackFilePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(urls);
        AudioDecodeException? last = null;
        foreach (string url in urls)
        {
            try
            {
                return await FfmpegAudioDecoder.OpenAsync(url, _options, cancellationToken).ConfigureAwait(false);
            }
            catch (AudioDecodeException exception)
            {
                last = exception;
                LogUrlFailed(exception, decoderDescription: new Uri(url).GetLeftPart(UriPartial.Path));
            }
        }

        if (fallbackFilePath is not null && File.Exists(fallbackFilePath))
        {
            return OggOpusFileSource.Open(fallbackFilePath);
        }

        throw new AudioDecodeException("No relay URL could be opened and there is no fallback file.", last ?? new AudioDecodeException("No relay URL given."));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay {DecoderDescription} could not be opened; trying the next source")]
    private partial void LogUrlFailed(Exception exception, string decoderDescription);
}
