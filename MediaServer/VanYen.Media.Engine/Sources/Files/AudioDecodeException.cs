namespace VanYen.Media.Engine.Sources.Files;

/// <summary>
/// An audio file or stream could not be decoded: unsupported or corrupt input, no audio stream,
/// or ffmpeg missing. The message names the input, the format the first bytes suggest and ffmpeg's own error.
/// </summary>
public sealed class AudioDecodeException : Exception
{
    /// <summary>Creates an exception with a message only.</summary>
    public AudioDecodeException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public AudioDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public AudioDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing a failed ffmpeg run.</summary>
    public AudioDecodeException(string message, string? detectedFormat, string? ffmpegError, int? exitCode, Exception? innerException = null)
        : base(message, innerException)
    {
        DetectedFormat = detectedFormat;
        FfmpegError = ffmpegError;
        ExitCode = exitCode;
    }

    /// <summary>The container the input's first bytes look like (e.g. "MP3", "Ogg"), or null when unknown.</summary>
    public string? DetectedFormat { get; }

    /// <summary>What ffmpeg wrote to its standard error, trimmed; null when it did not run.</summary>
    public string? FfmpegError { get; }

    /// <summary>ffmpeg's exit code, or null when it did not run or was still running.</summary>
    public int? ExitCode { get; }
}
