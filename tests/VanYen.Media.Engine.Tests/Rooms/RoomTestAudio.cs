using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Tests.Audio.Codec;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Engine.Tests.Rooms;

/// <summary>Speech as Opus packets for the room tests, paced in real time, and decoding of what came back.</summary>
internal static class RoomTestAudio
{
    public const int FrameSamples = 960;

    /// <summary>The first <paramref name="frames"/> 20 ms frames of the espeak-ng announcement.</summary>
    public static short[] Speech(int frames) => SpeechSample.Announcement.AsSpan(0, frames * FrameSamples).ToArray();

    /// <summary>Encodes <paramref name="pcm"/> (48 kHz mono) into 20 ms Opus packets.</summary>
    public static List<byte[]> Encode(short[] pcm)
    {
        using var encoder = new OpusAudioEncoder(new OpusEncoderOptions { Channels = 1, Bitrate = 48000 });
        var packets = new List<byte[]>();
        byte[] buffer = new byte[1275];
        for (int offset = 0; offset + FrameSamples <= pcm.Length; offset += FrameSamples)
        {
            int length = encoder.Encode(pcm.AsSpan(offset, FrameSamples), buffer);
            packets.Add(buffer.AsSpan(0, length).ToArray());
        }

        return packets;
    }

    /// <summary>Sends the packets every 20 ms (deadlines from the start, so pacing does not drift).</summary>
    public static async Task SendPacedAsync(BrowserLikePeer peer, IReadOnlyList<byte[]> packets)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < packets.Count; i++)
        {
            TimeSpan due = TimeSpan.FromMilliseconds(20 * i);
            TimeSpan wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            peer.SendOpus(packets[i], marker: i == 0);
        }
    }

    /// <summary>Decodes received packets in arrival order (one SSRC) into one PCM signal, concealing gaps.</summary>
    public static short[] Decode(IEnumerable<BrowserLikePeer.ReceivedRtp> received)
    {
        // Loopback keeps the order; arrival order also survives a sequence number wrap.
        var packets = received.ToList();
        using var decoder = new OpusAudioDecoder(48000, 1);
        var pcm = new List<short>();
        short[] frame = new short[5760];
        ushort? previous = null;
        foreach (var packet in packets)
        {
            if (previous is { } last)
            {
                for (int gap = (ushort)(packet.SequenceNumber - last) - 1; gap > 0 && gap < 50; gap--)
                {
                    int concealed = decoder.Conceal(frame.AsSpan(0, FrameSamples));
                    pcm.AddRange(frame.AsSpan(0, concealed));
                }
            }

            int samples = decoder.Decode(packet.Payload, frame);
            pcm.AddRange(frame.AsSpan(0, samples));
            previous = packet.SequenceNumber;
        }

        return [.. pcm];
    }

    /// <summary>
    /// The median, over half-second windows of <paramref name="sent"/>, of each window's best normalized
    /// cross-correlation with <paramref name="received"/> within ±0.5 s of its place: the jitter buffer may
    /// stretch or skip a frame mid-stream (it follows the network), which moves the alignment of what follows.
    /// </summary>
    public static double MedianWindowCorrelation(short[] sent, short[] received)
    {
        const int Window = 24_000;
        const int Reach = 24_000;
        var results = new List<double>();
        for (int start = 0; start + Window <= sent.Length; start += Window / 2)
        {
            int from = Math.Max(0, start - Reach);
            int to = Math.Min(received.Length, start + Window + Reach);
            if (to - from < Window)
            {
                results.Add(0);
                continue;
            }

            // Only lags where the whole window overlaps: a sliver of overlap would correlate by chance.
            ReadOnlySpan<short> window = sent.AsSpan(start, Window);
            ReadOnlySpan<short> around = received.AsSpan(from, to - from);
            int maxLag = around.Length - Window;
            int coarseBest = 0;
            double coarse = double.NegativeInfinity;
            for (int lag = 0; lag <= maxLag; lag += 12)
            {
                double value = Correlate(window, around.Slice(lag, Window), 6);
                if (value > coarse)
                {
                    coarse = value;
                    coarseBest = lag;
                }
            }

            double correlation = 0;
            for (int lag = Math.Max(0, coarseBest - 12); lag <= Math.Min(maxLag, coarseBest + 12); lag++)
            {
                correlation = Math.Max(correlation, Correlate(window, around.Slice(lag, Window), 1));
            }

            results.Add(correlation);
        }

        results.Sort();
        return results[results.Count / 2];
    }

    private static double Correlate(ReadOnlySpan<short> a, ReadOnlySpan<short> b, int stride)
    {
        double cross = 0;
        double energyA = 0;
        double energyB = 0;
        for (int i = 0; i < a.Length; i += stride)
        {
            cross += a[i] * (double)b[i];
            energyA += a[i] * (double)a[i];
            energyB += b[i] * (double)b[i];
        }

        return energyA == 0 || energyB == 0 ? 0 : cross / Math.Sqrt(energyA * energyB);
    }
}
