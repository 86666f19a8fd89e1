using System.Threading.Channels;
using VanYen.Media.Engine.Audio;

namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>
/// Speaks a list of sentences as 20 ms frames: sentence n plays while sentences n+1… are synthesized,
/// at most <see cref="LookAhead"/> renders ahead, so the first frame is ready after one sentence's
/// synthesis however long the bulletin is.
/// </summary>
/// <remarks>
/// Synthesis starts when the source is created. Sentences follow each other without a gap (espeak-ng
/// ends each with its own pause). A synthesis failure surfaces from <see cref="ReadFrameAsync"/> once the
/// sentences before it have played. Disposing stops synthesis (killing any espeak-ng process) and
/// returns every buffer to the pool.
/// </remarks>
public sealed class TextToSpeechSource : IAudioSource
{
    /// <summary>Renders kept ready ahead of the one playing when none is given.</summary>
    public const int DefaultLookAhead = 2;

    private readonly ITextToSpeechEngine _engine;
    private readonly IReadOnlyList<string> _sentences;
    private readonly TextToSpeechVoice _voice;
    private readonly Channel<SynthesizedSpeech> _rendered;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;
    private SynthesizedSpeech? _current;
    private int _position;
    private bool _ended;
    private int _disposed;

    /// <summary>Starts synthesizing <paramref name="sentences"/> (already normalized, one utterance each).</summary>
    public TextToSpeechSource(
        ITextToSpeechEngine engine,
        IReadOnlyList<string> sentences,
        TextToSpeechVoice voice,
        int lookAhead = DefaultLookAhead,
        string? description = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(voice);
        ArgumentOutOfRangeException.ThrowIfLessThan(lookAhead, 1);
        _engine = engine;
        _sentences = sentences;
        _voice = voice;
        LookAhead = lookAhead;
        Description = description ?? DescribeText(voice, sentences);
        _rendered = Channel.CreateBounded<SynthesizedSpeech>(new BoundedChannelOptions(lookAhead)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _producer = Task.Run(ProduceAsync);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Renders kept ready beyond the one playing.</summary>
    public int LookAhead { get; }

    /// <summary>Number of sentences to speak.</summary>
    public int SentenceCount => _sentences.Count;

    /// <inheritdoc />
    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        if (frame.Length < PcmFrame.SamplesPerFrame)
        {
            ThrowFrameTooShort();
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_ended)
        {
            return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.EndOfStream);
        }

        // Steady state: the frame comes from the render already playing, synchronously and without allocating.
        int written = Fill(frame.Span[..PcmFrame.SamplesPerFrame], 0);
        return written == PcmFrame.SamplesPerFrame
            ? new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.Frame)
            : ReadRestAsync(frame[..PcmFrame.SamplesPerFrame], written, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _producer.ConfigureAwait(false);
        while (_rendered.Reader.TryRead(out SynthesizedSpeech? speech))
        {
            speech.Dispose();
        }

        _current?.Dispose();
        _current = null;
        _stop.Dispose();
    }

    private static string DescribeText(TextToSpeechVoice voice, IReadOnlyList<string> sentences)
    {
        string first = sentences.Count > 0 ? sentences[0] : string.Empty;
        string excerpt = first.Length > 40 ? first[..40] + "…" : first;
        return $"TTS {voice.Name}: {excerpt}";
    }

    private static void ThrowFrameTooShort() =>
        throw new ArgumentException($"A frame holds {PcmFrame.SamplesPerFrame} samples.", "frame");

    private async ValueTask<AudioSourceReadResult> ReadRestAsync(Memory<short> frame, int written, CancellationToken cancellationToken)
    {
        while (written < frame.Length)
        {
            // Throws the producer's error once the renders before it have played.
            if (!await _rendered.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _ended = true;
                if (written == 0)
                {
                    return AudioSourceReadResult.EndOfStream;
                }

                frame.Span[written..].Clear();
                return AudioSourceReadResult.Frame;
            }

            written = Fill(frame.Span, written);
        }

        return AudioSourceReadResult.Frame;
    }

    private int Fill(Span<short> frame, int written)
    {
        while (written < frame.Length)
        {
            if (_current is null)
            {
                if (!_rendered.Reader.TryRead(out _current))
                {
                    break;
                }

                _position = 0;
            }

            ReadOnlySpan<short> available = _current.Samples.Span[_position..];
            int count = Math.Min(available.Length, frame.Length - written);
            available[..count].CopyTo(frame[written..]);
            written += count;
            _position += count;
            if (_position >= _current.Length)
            {
                _current.Dispose();
                _current = null;
            }
        }

        return written;
    }

    private async Task ProduceAsync()
    {
        Exception? error = null;
        try
        {
            foreach (string sentence in _sentences)
            {
                SynthesizedSpeech speech = await _engine.SynthesizeAsync(sentence, _voice, _stop.Token).ConfigureAwait(false);
                try
                {
                    await _rendered.Writer.WriteAsync(speech, _stop.Token).ConfigureAwait(false);
                }
                catch
                {
                    speech.Dispose();
                    throw;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: nobody reads any more.
        }
        catch (Exception exception)
        {
            error = exception;
        }

        _rendered.Writer.TryComplete(error);
    }
}
