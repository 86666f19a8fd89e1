using Concentus;
using Concentus.Enums;
using ManagedOpusDecoder = Concentus.Structs.OpusDecoder;
using ManagedOpusEncoder = Concentus.Structs.OpusEncoder;

namespace VanYen.Media.Engine.Audio.Codec;

/// <summary>
/// Creates Concentus encoders and decoders on the chosen backend and tells which
/// backend this machine gives: native libopus when <c>libopus.so</c> resolves, else managed.
/// </summary>
public static class OpusCodecs
{
    /// <summary>The sample rates Opus encodes and decodes at (RFC 6716 §2).</summary>
    public static ReadOnlySpan<int> SupportedSampleRates => [8000, 12000, 16000, 24000, 48000];

    private static readonly Lazy<(OpusCodecBackend Backend, string Version)> _detected = new(Probe);

    /// <summary>The backend <see cref="OpusCodecFactory"/> picks on this machine (probed once, then cached).</summary>
    public static OpusCodecBackend DetectBackend() => _detected.Value.Backend;

    /// <summary>A line for logs and health reports, e.g. "Native (libopus 1.3.1)" or "Managed (Concentus 2.1.2)".</summary>
    public static string DescribeBackend()
    {
        (OpusCodecBackend backend, string version) = _detected.Value;
        return $"{backend} ({version})";
    }

    /// <summary>Whether <paramref name="sampleRate"/> is one Opus supports.</summary>
    public static bool IsSupportedSampleRate(int sampleRate) => SupportedSampleRates.Contains(sampleRate);

    internal static IOpusEncoder CreateEncoder(int sampleRate, int channels, OpusApplication application, OpusCodecBackend? backend)
    {
        if (backend == OpusCodecBackend.Managed)
        {
            // Concentus' only switch for this is the process-wide OpusCodecFactory.AttemptToUseNativeLibrary;
            // building the managed type directly keeps other codecs in the process on their backend.
#pragma warning disable CS0618 // The constructor is marked obsolete only to steer callers to the factory.
            return new ManagedOpusEncoder(sampleRate, channels, application);
#pragma warning restore CS0618
        }

        IOpusEncoder encoder = OpusCodecFactory.CreateEncoder(sampleRate, channels, application, null);
        if (backend == OpusCodecBackend.Native && BackendOf(encoder) != OpusCodecBackend.Native)
        {
            encoder.Dispose();
            throw new NotSupportedException("The native Opus backend was requested but libopus could not be loaded.");
        }

        return encoder;
    }

    internal static IOpusDecoder CreateDecoder(int sampleRate, int channels, OpusCodecBackend? backend)
    {
        if (backend == OpusCodecBackend.Managed)
        {
#pragma warning disable CS0618 // See CreateEncoder.
            return new ManagedOpusDecoder(sampleRate, channels);
#pragma warning restore CS0618
        }

        IOpusDecoder decoder = OpusCodecFactory.CreateDecoder(sampleRate, channels, null);
        if (backend == OpusCodecBackend.Native && BackendOf(decoder) != OpusCodecBackend.Native)
        {
            decoder.Dispose();
            throw new NotSupportedException("The native Opus backend was requested but libopus could not be loaded.");
        }

        return decoder;
    }

    /// <summary>Concentus returns its native wrappers from the <c>Concentus.Native</c> namespace (they are internal types).</summary>
    internal static OpusCodecBackend BackendOf(object codec) =>
        codec.GetType().Namespace == "Concentus.Native" ? OpusCodecBackend.Native : OpusCodecBackend.Managed;

    private static (OpusCodecBackend Backend, string Version) Probe()
    {
        using IOpusDecoder decoder = OpusCodecFactory.CreateDecoder(48000, 1, null);
        return (BackendOf(decoder), decoder.GetVersionString());
    }
}
