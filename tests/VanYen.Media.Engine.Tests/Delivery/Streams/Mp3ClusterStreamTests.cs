using System.IO.Pipelines;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Streams;
using VanYen.Media.Engine.Tests.Audio.Codec;
using VanYen.Media.Engine.Tests.Audio.Ogg;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Delivery.Streams;

public sealed class Mp3ClusterStreamTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TwoListenersShareOneFfmpegAndBothDecodeBackToTheProgram()
    {
        var program = new ClusterTestProgram(150);
        var channel = new ClusterChannel(11);
        await using var stream = new Mp3ClusterStream(channel);
        var first = new Pipe();
        var second = new Pipe();
        using var firstRequest = new CancellationTokenSource();
        using var secondRequest = new CancellationTokenSource();
        Task<byte[]> firstBytes = OggOpusClusterStreamTests.ReadAllAsync(first.Reader);
        Task<byte[]> secondBytes = OggOpusClusterStreamTests.ReadAllAsync(second.Reader);
        Task<ClusterStreamEnd> firstCopy = stream.CopyToAsync(first.Writer, firstRequest.Token);
        Task<ClusterStreamEnd> secondCopy = stream.CopyToAsync(second.Writer, secondRequest.Token);
        await OggOpusClusterStreamTests.WaitUntilAsync(() => stream.ListenerCount == 2);
        Assert.True(stream.IsEncoding);
        Assert.Equal(1, channel.SinkCount);

        // Half a second of idle silence, the program, then a second of idle to flush the encoder's delay out.
        for (int i = 0; i < 25; i++)
        {
            program.PublishIdle(channel);
            await Task.Delay(20);
        }

        await program.PublishPacedAsync(channel);
        for (int i = 0; i < 50; i++)
        {
            program.PublishIdle(channel);
            await Task.Delay(20);
        }

        await firstRequest.CancelAsync();
        await secondRequest.CancelAsync();
        Assert.Equal(ClusterStreamEnd.ClientGone, await firstCopy.WaitAsync(Timeout));
        Assert.Equal(ClusterStreamEnd.ClientGone, await secondCopy.WaitAsync(Timeout));
        await first.Writer.CompleteAsync();
        await second.Writer.CompleteAsync();

        Assert.Equal(1, stream.EncoderStarts);
        await OggOpusClusterStreamTests.WaitUntilAsync(() => !stream.IsEncoding && channel.SinkCount == 0);
        foreach (byte[] mp3 in new[] { await firstBytes, await secondBytes })
        {
            Assert.Equal(0xFF, mp3[0]);
            Assert.Equal(0xE0, mp3[1] & 0xE0);
            short[] decoded = DecodeMp3(mp3);
            var (correlation, lag) = AudioSimilarity.BestNormalizedCrossCorrelation(program.Pcm, decoded, 48_000);
            output.WriteLine($"{mp3.Length} bytes of MP3 decode to {decoded.Length / 48000.0:F2} s; correlation with the program {correlation:F3} at {lag / 48.0:F0} ms; {stream.FramesDropped} PCM frames dropped");
            Assert.True(correlation > 0.8, $"the MP3 should decode to the published speech, correlation {correlation:F3}");
        }

        // A new listener after the last one left starts a fresh encoder.
        var third = new Pipe();
        using var thirdRequest = new CancellationTokenSource();
        Task<ClusterStreamEnd> thirdCopy = stream.CopyToAsync(third.Writer, thirdRequest.Token);
        await OggOpusClusterStreamTests.WaitUntilAsync(() => stream.ListenerCount == 1);
        Assert.Equal(2, stream.EncoderStarts);
        await thirdRequest.CancelAsync();
        Assert.Equal(ClusterStreamEnd.ClientGone, await thirdCopy.WaitAsync(Timeout));
    }

    [Fact]
    public void FindFrameStartSkipsTheTailOfAFrameAndFindsTheNextHeader()
    {
        // MPEG-1 Layer III, 64 kbit/s, 48 kHz, no padding: 144 × 64000 / 48000 = 192 bytes per frame.
        byte[] header = [0xFF, 0xFB, 0x54, 0xC4];
        Assert.True(Mp3FrameHeader.TryGetFrameLength(header, out int length));
        Assert.Equal(192, length);
        byte[] data = new byte[37 + 192 + 4];
        data[5] = 0xFF; // a lone 0xFF in the tail is not a header
        header.CopyTo(data, 37);
        header.CopyTo(data, 37 + 192);
        Assert.Equal(37, Mp3FrameHeader.FindFrameStart(data));
        Assert.Equal(-1, Mp3FrameHeader.FindFrameStart(data.AsSpan(0, 30)));
    }

    private static short[] DecodeMp3(byte[] mp3)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("stream.mp3");
        File.WriteAllBytes(path, mp3);
        byte[] pcm = ExternalTool.Run("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-f", "s16le", "-ac", "1", "-ar", "48000", "pipe:1");
        var samples = new short[pcm.Length / 2];
        Buffer.BlockCopy(pcm, 0, samples, 0, samples.Length * 2);
        return samples;
    }
}
