using System.Net;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Jitter;

namespace VanYen.Media.Engine.Meetings;

/// <summary>Settings of the meetings' audio bridges (<see cref="MeetingMediaService"/>).</summary>
public sealed record MeetingMediaOptions
{
    /// <summary>
    /// Where the one UDP socket of every plain RTP participant of every meeting is bound; participants are told apart
    /// by their source address and port. Default 0.0.0.0 on a free port.
    /// </summary>
    public IPEndPoint RtpEndPoint { get; init; } = new(IPAddress.Any, 0);

    /// <summary>The address <see cref="MeetingRtpJoin.ServerEndpoint"/> names; null: the bound address, or 127.0.0.1 when bound to any.</summary>
    public IPAddress? AnnouncedAddress { get; init; }

    /// <summary>K: the loudest talkers mixed at once. Default 3.</summary>
    public int MaxTalkers { get; init; } = 3;

    /// <summary>
    /// Frames (20 ms) a talker keeps its seat through a pause, so speech with gaps between words does not flap.
    /// Default 25 (500 ms).
    /// </summary>
    public int HangoverFrames { get; init; } = 25;

    /// <summary>A plain RTP participant silent (no packet at all) this long is disconnected. Default 30 s.</summary>
    public TimeSpan PlainRtpSilenceTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The one-byte header extension id (RFC 8285) plain RTP participants carry their RFC 6464 audio level on (plain RTP has
    /// no SDP to negotiate it); 0 ignores extensions and ranks plain RTP participants by decoded energy. Default 1.
    /// </summary>
    public int PlainRtpAudioLevelExtensionId { get; init; } = 1;

    /// <summary>
    /// The rate the bridge decodes, mixes and encodes at: 16000 (the default: wideband, all a speech meeting needs,
    /// a third of the samples to mix and a cheaper SILK-only encode) or 48000. Whatever it is, the RTP clock of every
    /// stream stays 48 kHz (RFC 7587 §4.1), the recording's granule positions too (RFC 7845 §4), and
    /// <see cref="IMeetingMedia.OpenMixSource"/> gives 48 kHz frames. It overrides <see cref="OpusEncoderOptions.SampleRate"/> of <see cref="Encoder"/>.
    /// </summary>
    public int SampleRate { get; init; } = 16000;

    /// <summary>
    /// Every input's jitter buffer: 40 ms to start with, and the fast shrink on (a frame is dropped once every packet
    /// of the last second waited a frame longer than needed), so a clean link settles within a frame of the least
    /// delay: what the bridge adds is then the wait for the next tick plus the measured jitter.
    /// </summary>
    public JitterBufferOptions Jitter { get; init; } = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(40),
        FastShrinkWindow = TimeSpan.FromSeconds(1),
    };

    /// <summary>
    /// The mixes' Opus encoders (run at <see cref="SampleRate"/>): mono voice, in-band FEC tuned for 10 % loss (weak
    /// rural links), DTX (silent mixes cost almost nothing), complexity 1: a meeting encodes 1 + K frames per tick, and
    /// at 16 kHz (SILK wideband) complexity 1 took about 3 points of a core less than 2, 3 or 5 for a 100-participant
    /// meeting (the load harness), which all cost about the same. Raise it for quality when CPU allows.
    /// </summary>
    public OpusEncoderOptions Encoder { get; init; } = new()
    {
        Channels = 1,
        Bitrate = 32000,
        Application = OpusEncoderApplication.Voip,
        Complexity = 1,
        InbandForwardErrorCorrection = true,
        ExpectedPacketLossPercent = 10,
        DiscontinuousTransmission = true,
    };

    /// <summary>The least time between two <see cref="IMeetingMedia.TalkersChanged"/> events. Default 100 ms.</summary>
    public TimeSpan TalkersChangedInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Optional probe of the latency the bridge adds (talker packet in → mixed packet out), for the load harness.</summary>
    public MeetingLatencyProbe? LatencyProbe { get; init; }

    /// <summary>The clock of arrival times and timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary><see cref="Encoder"/> at <see cref="SampleRate"/>.</summary>
    internal OpusEncoderOptions EncoderAtSampleRate => Encoder with { SampleRate = SampleRate };

    /// <summary>Samples in one 20 ms frame of the mix.</summary>
    internal int FrameSamples => SampleRate / 50;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(RtpEndPoint, nameof(RtpEndPoint));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTalkers, 1, nameof(MaxTalkers));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTalkers, 16, nameof(MaxTalkers));
        ArgumentOutOfRangeException.ThrowIfNegative(HangoverFrames, nameof(HangoverFrames));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PlainRtpSilenceTimeout, TimeSpan.Zero, nameof(PlainRtpSilenceTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(PlainRtpAudioLevelExtensionId, nameof(PlainRtpAudioLevelExtensionId));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PlainRtpAudioLevelExtensionId, 14, nameof(PlainRtpAudioLevelExtensionId));
        if (SampleRate is not (16000 or 48000))
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "A meeting mixes at 16000 or 48000 Hz.");
        }

        Jitter.Validate();
        EncoderAtSampleRate.Validate();
    }
}
