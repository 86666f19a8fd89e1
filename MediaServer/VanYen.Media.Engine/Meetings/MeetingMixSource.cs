using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Engine.Meetings;

/// <summary>
/// A live copy of a meeting's listener mix as an <see cref="IAudioSource"/> (the bridge to broadcast): the bridge's
/// tick writes each mixed frame into a small ring, the reader (the broadcast clock) takes them in order.
/// </summary>
/// <remarks>
/// Reads never wait: when the reader runs ahead of the bridge (two clocks drift) it gets a silent frame; when it
/// falls behind by more than the ring, the oldest frames are dropped. Neither side allocates.
/// </remarks>
internal sealed class MeetingMixSource : IAudioSource
{
    private const int RingFrames = 8;

    private readonly MeetingMedia _meeting;
    private readonly short[] _ring = new short[RingFrames * PcmFrame.SamplesPerFrame];
    private readonly Lock _lock = new();
    private long _written;
    private long _read;
    private bool _completed;

    public MeetingMixSource(MeetingMedia meeting, string description)
    {
        _meeting = meeting;
        Description = description;
    }

    public string Description { get; }

    /// <summary>Frames the bridge wrote.</summary>
    public long FramesWritten => Interlocked.Read(ref _written);

    public ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken)
    {
        if (frame.Length < PcmFrame.SamplesPerFrame)
        {
            throw new ArgumentException("A frame holds at least 960 samples.", nameof(frame));
        }

        Span<short> destination = frame.Span[..PcmFrame.SamplesPerFrame];
        lock (_lock)
        {
            if (_read < _written)
            {
                int slot = (int)(_read % RingFrames);
                _ring.AsSpan(slot * PcmFrame.SamplesPerFrame, PcmFrame.SamplesPerFrame).CopyTo(destination);
                _read++;
                return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.Frame);
            }

            if (_completed)
            {
                return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.EndOfStream);
            }
        }

        destination.Clear();
        return new ValueTask<AudioSourceReadResult>(AudioSourceReadResult.Frame);
    }

    /// <summary>One mixed frame (clock thread).</summary>
    public void Write(ReadOnlySpan<short> mix)
    {
        lock (_lock)
        {
            int slot = (int)(_written % RingFrames);
            mix.CopyTo(_ring.AsSpan(slot * PcmFrame.SamplesPerFrame, PcmFrame.SamplesPerFrame));
            _written++;
            if (_written - _read > RingFrames)
            {
                _read = _written - RingFrames;
            }
        }
    }

    /// <summary>The meeting closed: what is buffered is still read, then the stream ends.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
        }
    }

    public ValueTask DisposeAsync()
    {
        Complete();
        _meeting.RemoveMixSource(this);
        return ValueTask.CompletedTask;
    }
}
