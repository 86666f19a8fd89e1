using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Engine.Broadcast;

/// <summary>The source state machine: repetitions, chime, gaps, asynchronous opening and reading.</summary>
internal sealed partial class BroadcastProgram
{
    private Phase _phase = Phase.NotStarted;
    private int _repetition = -1;
    private int _gapTicksLeft;
    private IAudioSource? _source;
    private ValueTask<IAudioSource> _opening;
    private bool _isOpening;
    private ValueTask<AudioSourceReadResult> _read;
    private bool _readPending;

    private enum Phase
    {
        NotStarted,
        Chime,
        Playing,
        Gap,
        Finished,
    }

    /// <summary>
    /// Produces this tick's frame into <see cref="Pcm"/>. Never blocks: a source still opening or a read not
    /// finished yet gives <see cref="ProgramFrameKind.Silence"/>, and the next tick looks again.
    /// </summary>
    public ProgramFrameKind NextFrame()
    {
        while (true)
        {
            switch (_phase)
            {
                case Phase.NotStarted:
                    BeginRepetition(0);
                    break;
                case Phase.Gap:
                    if (_gapTicksLeft > 0)
                    {
                        _gapTicksLeft--;
                        return ProgramFrameKind.Silence;
                    }

                    BeginRepetition(_repetition + 1);
                    break;
                case Phase.Chime:
                    // The chime is in memory: its ValueTask always completes at once.
                    if (_chime!.ReadFrameAsync(_pcmMemory, CancellationToken.None).Result == AudioSourceReadResult.Frame)
                    {
                        return ProgramFrameKind.Audio;
                    }

                    _phase = Phase.Playing;
                    break;
                case Phase.Playing:
                    return ReadSource();
                default:
                    return ProgramFrameKind.Finished;
            }
        }
    }

    private ProgramFrameKind ReadSource()
    {
        if (_source is null)
        {
            if (!_isOpening)
            {
                BeginOpening(_repetition);
            }

            if (!TryFinishOpening(out bool failed))
            {
                return failed ? ProgramFrameKind.Failed : ProgramFrameKind.Silence;
            }
        }

        if (!_readPending)
        {
            StartRead();
        }

        if (!_read.IsCompleted)
        {
            // Not ready yet (a stream buffering, a synthesizer behind): hold the air with silence, never wait.
            return ProgramFrameKind.Silence;
        }

        _readPending = false;
        AudioSourceReadResult result;
        try
        {
            result = _read.GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // Whatever a source throws ends only its own program.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failure = exception;
            return ProgramFrameKind.Failed;
        }

        if (result == AudioSourceReadResult.EndOfStream)
        {
            return EndRepetition();
        }

        _readBuffer.CopyTo(Pcm, 0);
        // Read ahead one frame, so a source that completes asynchronously has a whole tick to do it.
        StartRead();
        return ProgramFrameKind.Audio;
    }

    private ProgramFrameKind EndRepetition()
    {
        IAudioSource finished = _source!;
        _source = null;
        _ = DisposeQuietlyAsync(finished, this);
        bool more = _request.Repetitions is not int count || _repetition + 1 < count;
        if (!more)
        {
            _phase = Phase.Finished;
            return ProgramFrameKind.Finished;
        }

        // The next source opens during the gap, so it is ready when the gap ends.
        BeginOpening(_repetition + 1);
        if (_gapTicks > 0)
        {
            _phase = Phase.Gap;
            _gapTicksLeft = _gapTicks - 1;
        }
        else
        {
            // One silent tick between plays, so a source that ends at once cannot spin a tick forever.
            BeginRepetition(_repetition + 1);
        }

        return ProgramFrameKind.Silence;
    }

    private void BeginRepetition(int repetition)
    {
        _repetition = repetition;
        StatusDirty = true;
        if (_source is null && !_isOpening)
        {
            BeginOpening(repetition);
        }

        if (_chime is not null)
        {
            _chime.Rewind();
            _phase = Phase.Chime;
        }
        else
        {
            _phase = Phase.Playing;
        }
    }

    private void BeginOpening(int repetition)
    {
        _isOpening = true;
        CancellationToken token = _lifetime.Token;
        AudioSourceFactory factory = _request.CreateSource;
        try
        {
            _opening = _openOnClockThread
                ? factory(repetition, token)
                : new ValueTask<IAudioSource>(Task.Run(() => factory(repetition, token).AsTask(), token));
        }
#pragma warning disable CA1031 // A factory that throws fails its program at the next look, like one that faults.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _opening = ValueTask.FromException<IAudioSource>(exception);
        }
    }

    private bool TryFinishOpening(out bool failed)
    {
        failed = false;
        if (!_opening.IsCompleted)
        {
            return false;
        }

        _isOpening = false;
        try
        {
            _source = _opening.GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // Reported as SourceFailed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failure = exception;
            failed = true;
            return false;
        }

        if (_source is null)
        {
            Failure = new InvalidOperationException("The source factory returned no source.");
            failed = true;
            return false;
        }

        return true;
    }

    private void StartRead()
    {
        _readPending = true;
        try
        {
            _read = _source!.ReadFrameAsync(_readMemory, _lifetime.Token);
        }
#pragma warning disable CA1031 // Reported as SourceFailed at the next look.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _read = ValueTask.FromException<AudioSourceReadResult>(exception);
        }
    }

    /// <summary>Cancels pending work and disposes the source (after its pending read or opening), off the clock thread.</summary>
    private void ReleaseAll()
    {
        _phase = Phase.Finished;
        _lifetime.Cancel();
        Task pendingRead = _readPending ? _read.AsTask() : Task.CompletedTask;
        _readPending = false;
        IAudioSource? source = _source;
        _source = null;
        if (source is not null)
        {
            _ = DisposeAfterAsync(pendingRead, source);
        }

        if (_isOpening)
        {
            _isOpening = false;
            _ = DisposeWhenOpenedAsync(_opening.AsTask());
        }
    }

    private async Task DisposeAfterAsync(Task pendingRead, IAudioSource source)
    {
        try
        {
            await pendingRead.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The program is over; how its last read ended no longer matters.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        await DisposeQuietlyAsync(source, this).ConfigureAwait(false);
    }

    private async Task DisposeWhenOpenedAsync(Task<IAudioSource> opening)
    {
        IAudioSource? source;
        try
        {
            source = await opening.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Opening failed or was cancelled: nothing to dispose.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        if (source is not null)
        {
            await DisposeQuietlyAsync(source, this).ConfigureAwait(false);
        }
    }
}
