namespace VanYen.Media.Engine.Audio.Codec;

/// <summary>How an <see cref="OpusAudioEncoder"/> encodes. Defaults suit wideband speech over RTP.</summary>
public sealed record class OpusEncoderOptions
{
    /// <summary>Input sample rate: 8000, 12000, 16000, 24000 or 48000 Hz.</summary>
    public int SampleRate { get; init; } = 48000;

    /// <summary>1 (mono) or 2 (stereo, interleaved input).</summary>
    public int Channels { get; init; } = 1;

    /// <summary>What the encoder tunes itself for.</summary>
    public OpusEncoderApplication Application { get; init; } = OpusEncoderApplication.Voip;

    /// <summary>Target bit rate in bits per second, 6000 to 510000.</summary>
    public int Bitrate { get; init; } = 32000;

    /// <summary>Encoder effort, 0 (cheapest) to 10 (best quality).</summary>
    public int Complexity { get; init; } = 9;

    /// <summary>Whether to add in-band FEC (LBRR) so a receiver can rebuild a lost frame from the next packet.</summary>
    public bool InbandForwardErrorCorrection { get; init; }

    /// <summary>Packet loss expected on the path, 0–100 %; steers how much FEC the encoder spends bits on.</summary>
    public int ExpectedPacketLossPercent { get; init; }

    /// <summary>Whether to stop sending full frames during silence (discontinuous transmission).</summary>
    public bool DiscontinuousTransmission { get; init; }

    /// <summary>The duration of one encoded frame: 2.5, 5, 10, 20, 40 or 60 ms.</summary>
    public TimeSpan FrameDuration { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Force a backend, or <see langword="null"/> for native when libopus loads and managed otherwise.</summary>
    public OpusCodecBackend? Backend { get; init; }

    /// <summary>Samples per channel in one frame at <see cref="SampleRate"/>.</summary>
    public int SamplesPerFrame => (int)(SampleRate * FrameDuration.Ticks / TimeSpan.TicksPerSecond);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value Opus does not accept.</summary>
    public void Validate()
    {
        if (!OpusCodecs.IsSupportedSampleRate(SampleRate))
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "Opus supports 8000, 12000, 16000, 24000 and 48000 Hz.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Channels, 1, nameof(Channels));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Channels, 2, nameof(Channels));
        ArgumentOutOfRangeException.ThrowIfLessThan(Bitrate, 6000, nameof(Bitrate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Bitrate, 510000, nameof(Bitrate));
        ArgumentOutOfRangeException.ThrowIfNegative(Complexity, nameof(Complexity));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Complexity, 10, nameof(Complexity));
        ArgumentOutOfRangeException.ThrowIfNegative(ExpectedPacketLossPercent, nameof(ExpectedPacketLossPercent));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ExpectedPacketLossPercent, 100, nameof(ExpectedPacketLossPercent));

        // RFC 6716 §2.1.4: 2.5, 5, 10, 20, 40 or 60 ms, i.e. 1, 2, 4, 8, 16 or 24 units of 2.5 ms.
        long units = FrameDuration.Ticks * 400 / TimeSpan.TicksPerSecond;
        bool whole = units * TimeSpan.TicksPerSecond == FrameDuration.Ticks * 400;
        if (!whole || units is not (1 or 2 or 4 or 8 or 16 or 24))
        {
            throw new ArgumentOutOfRangeException(nameof(FrameDuration), FrameDuration, "Opus frames last 2.5, 5, 10, 20, 40 or 60 ms.");
        }
    }
}
