namespace VanYen.Media.Engine.Audio.Mixing;

/// <summary>Frame intake and the mix itself.</summary>
public sealed partial class AudioMixer
{
    /// <summary>
    /// The input's <see cref="FrameSamples"/>-sample buffer, to decode this tick's frame straight into;
    /// call <see cref="CommitFrame"/> afterwards.
    /// </summary>
    public Span<short> InputBuffer(int input)
    {
        ThrowIfNotInput(input);
        return _frames[input];
    }

    /// <summary>Marks the frame written into <see cref="InputBuffer"/> as this tick's, and measures its energy.</summary>
    public void CommitFrame(int input)
    {
        ThrowIfNotInput(input);
        _meters[input].Measure(_frames[input]);
        _frameTick[input] = _tick;
    }

    /// <summary>Copies this tick's decoded frame for the input (at most <see cref="FrameSamples"/> samples; a shorter one is padded with silence).</summary>
    public void SubmitFrame(int input, ReadOnlySpan<short> samples)
    {
        ThrowIfNotInput(input);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples.Length, _frameSamples, nameof(samples));
        short[] frame = _frames[input];
        samples.CopyTo(frame);
        frame.AsSpan(samples.Length).Clear();
        CommitFrame(input);
    }

    /// <summary>
    /// Mixes this tick's talker frames into <see cref="ListenerMix"/> and one mix-minus per talker.
    /// A talker without a frame this tick (lost, not concealed) is mixed as silence and counted.
    /// </summary>
    public void Mix()
    {
        Span<int> sum = _sum;
        sum.Clear();
        for (int seat = 0; seat < _talkerCount; seat++)
        {
            int talker = _talkers[seat];
            bool hasFrame = _frameTick[talker] == _tick;
            if (!hasFrame)
            {
                MissingTalkerFrames++;
            }

            _seatHasFrame[seat] = hasFrame && _gain[talker] != 0;
            if (_seatHasFrame[seat])
            {
                SaturatingMix.Accumulate(_frames[talker], _gain[talker], _contributions[seat], sum);
            }
        }

        SaturatingMix.Narrow(sum, _listenerMix);
        for (int seat = 0; seat < _talkerCount; seat++)
        {
            if (_seatHasFrame[seat])
            {
                SaturatingMix.NarrowDifference(sum, _contributions[seat], _mixMinus[seat]);
            }
            else
            {
                _listenerMix.CopyTo(_mixMinus[seat].AsSpan());
            }
        }

        FramesMixed++;
    }

    /// <summary>
    /// What <paramref name="input"/> should hear after <see cref="Mix"/>: for a talker, the other
    /// talkers without itself; for anyone else, the shared <see cref="ListenerMix"/>.
    /// </summary>
    public ReadOnlySpan<short> MixMinus(int input)
    {
        ThrowIfNotInput(input);
        int seat = _seatOf[input];
        return seat == NoSeat ? _listenerMix : _mixMinus[seat];
    }
}
