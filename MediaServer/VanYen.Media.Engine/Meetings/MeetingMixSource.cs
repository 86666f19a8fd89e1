using VanYen.Media.Engine.Audio;
using VanYen.Media.Engine.Audio.Resampling;
using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Engine.Meetings;

/// <summary>
/// A live copy of a meeting's listener mix as an <see cref="IAudioSource"/> (the bridge to broadcast): the bridge's
/// tick writes each mixed frame into a small ring, the reader (the broadcast clock) takes them in order.
/// </summary>
/// <remarks>
/// Reads never wait: when the reader runs ahead of the bridge (two clocks drift) it gets a silent frame; when it
/// falls behind by more than the ring, the oldest frames are dropped. Neither side allocates. A bridge mixing below
/// 48 kHz has its frames upsampled here (the broadcast engine plays 48 kHz 960-sample frames), so the cost is paid
/// only while a mix source is open.
/// </remarks>
internal sealed class MeetingMixSource : IAudioSource
{
    private const int RingFrames = 8;

    private readonly MeetingMedia _meeting;
    private readonly short[] _ring = new short[RingFrames * PcmFrame.SamplesPerFrame];
    private readonly Lock _lock = new();
    private readonly AudioResampler? _upsampler;
    private readonly short[] _upsampled;
    private int _upsampledCount;
    private long _written;
    private long _read;
    private bool _completed;

    /// <summary>Creates a source of the mix made at <paramref name="sampleRate"/> Hz, read at 48 kHz.</summary>
    public MeetingMixSource(MeetingMedia meeting, string description, int sampleRate = PcmFrame.SampleRate)
    {
        _meeting = meeting;
        Description = description;
        if (sampleRate != PcmFrame.SampleRate)
        {
            _upsampler = new AudioResampler(sampleRate, PcmFrame.SampleRate);
        }

        // Upsampled samples wait here until a whole 960-sample frame is ready (the filter may hand out one sample
        // more or less than 960 in a call).
        _upsampled = new short[(2 * PcmFrame.SamplesPerFrame) + 2];
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

    /// <summary>One mixed frame at the bridge's rate (clock thread).</summary>
    public void Write(ReadOnlySpan<short> mix)
    {
        if (_upsampler is null)
        {
            Append(mix);
            return;
        }

        _upsampledCount += _upsampler.Process(mix, _upsampled.AsSpan(_upsampledCount));
        if (_upsampledCount >= PcmFrame.SamplesPerFrame)
        {
            Append(_upsampled.AsSpan(0, PcmFrame.SamplesPerFrame));
            _upsampledCount -= PcmFrame.SamplesPerFrame;
            _upsampled.AsSpan(PcmFrame.SamplesPerFrame, _upsampledCount).CopyTo(_upsampled);
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

    private void Append(ReadOnlySpan<short> frame)
    {
        lock (_lock)
        {
            int slot = (int)(_written % RingFrames);
            frame.CopyTo(_ring.AsSpan(slot * PcmFrame.SamplesPerFrame, PcmFrame.SamplesPerFrame));
            _written++;
            if (_written - _read > RingFrames)
            {
                _read = _written - RingFrames;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Complete();
        _meeting.RemoveMixSource(this);

        // Removed under the bridge's lock: no tick writes any more.
        _upsampler?.Dispose();
        return ValueTask.CompletedTask;
    }
}
