namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>Speech could not be synthesized: the engine is missing, refused the voice, failed, or produced no audio.</summary>
public sealed class TextToSpeechException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public TextToSpeechException()
    {
    }

    /// <summary>Creates an exception saying what went wrong.</summary>
    public TextToSpeechException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception saying what went wrong, caused by <paramref name="innerException"/>.</summary>
    public TextToSpeechException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
