using System.IO.Pipelines;
using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Delivery.Streams;
using VanYen.Media.Engine.Tests.Rooms;
using VanYen.Media.Engine.Tests.Testing;
using Xunit.Abstractions;

namespace VanYen.Media.Engine.Tests.Delivery.Streams;

public sealed class OggOpusClusterStreamTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task StreamParsesBackAsOggOpusAndDecodesToThePublishedProgramAndIdleSilence()
    {
        var program = new ClusterTestProgram(100);
        var channel = new ClusterChannel(7);
        var stream = new OggOpusClusterStream(new OggOpusClusterStreamOptions { MaxLag = TimeSpan.FromSeconds(10), Title = "Cụm loa 7" });
        var pipe = new Pipe();
        Task<byte[]> received = ReadAllAsync(pipe.Reader);
        Task<ClusterStreamEnd> copying = stream.CopyToAsync(pipe.Writer, CancellationToken.None);
        using (channel.Attach(stream))
        {
            for (int i = 0; i < 10; i++)
            {
                program.PublishIdle(channel);
            }

            for (int i = 0; i < program.FrameCount; i++)
            {
                program.Publish(channel, i);
            }

            await WaitUntilAsync(() => stream.PacketsWritten == 10 + program.FrameCount);
        }

        stream.Dispose();
        Assert.Equal(ClusterStreamEnd.Stopped, await copying.WaitAsync(Timeout));
        await pipe.Writer.CompleteAsync();
        byte[] bytes = await received.WaitAsync(Timeout);

        using var reader = OggOpusReader.Open(new MemoryStream(bytes));
        Assert.Equal(1, reader.ChannelCount);
        Assert.Equal("Cụm loa 7", reader.Tags.GetComment("TITLE"));
        var packets = new List<byte[]>();
        long lastGranule = 0;
        while (reader.TryReadPacket(out ReadOnlyMemory<byte> packet, out long granule))
        {
            packets.Add(packet.ToArray());
            lastGranule = granule;
        }

        Assert.Equal(0, reader.CorruptPageCount);
        Assert.Equal(110, packets.Count);
        Assert.Equal(110 * 960, lastGranule);
        Assert.Equal(program.SilentPacket, packets[0]);
        Assert.Equal(program.Packets.Select(Convert.ToHexString), packets.Skip(10).Select(Convert.ToHexString));

        using var decoder = new OpusAudioDecoder(48000, 1);
        var decoded = new short[110 * 960];
        for (int i = 0; i < packets.Count; i++)
        {
            decoder.Decode(packets[i], decoded.AsSpan(i * 960, 960));
        }

        double idlePeak = decoded.AsSpan(0, 10 * 960).ToArray().Max(sample => Math.Abs((int)sample));
        double correlation = RoomTestAudio.MedianWindowCorrelation(program.Pcm, decoded[(10 * 960)..]);
        output.WriteLine($"{bytes.Length} bytes, {reader.SequenceGapCount} gaps; idle peak {idlePeak}, program correlation {correlation:F3}");
        Assert.True(idlePeak < 100, $"the idle ticks should decode to silence, peak {idlePeak}");
        Assert.True(correlation > 0.9, $"the stream should decode to the published speech, correlation {correlation:F3}");
    }

    [Fact]
    public async Task SlowListenerIsDroppedWhileAFastOneGetsEveryFrame()
    {
        var program = new ClusterTestProgram(150);
        var channel = new ClusterChannel(8);
        var slow = new OggOpusClusterStream();
        var fast = new OggOpusClusterStream();
        // The slow client's socket never drains: its pipe accepts 4 KB and then makes the writer wait.
        var slowPipe = new Pipe(new PipeOptions(pauseWriterThreshold: 4096, resumeWriterThreshold: 2048));
        var fastPipe = new Pipe();
        Task<byte[]> fastBytes = ReadAllAsync(fastPipe.Reader);
        Task<ClusterStreamEnd> slowCopy = slow.CopyToAsync(slowPipe.Writer, CancellationToken.None);
        Task<ClusterStreamEnd> fastCopy = fast.CopyToAsync(fastPipe.Writer, CancellationToken.None);
        using (channel.Attach(slow))
        using (channel.Attach(fast))
        {
            for (int i = 0; i < program.FrameCount; i++)
            {
                program.Publish(channel, i);
                if (i % 25 == 24)
                {
                    // The fast client keeps up (the 2 s budget is 100 frames); the slow one cannot.
                    int published = i + 1;
                    await WaitUntilAsync(() => fast.PacketsWritten == published);
                }
            }

            Assert.Equal(ClusterStreamEnd.TooSlow, await slowCopy.WaitAsync(Timeout));
        }

        Assert.True(slow.WasDropped);
        Assert.False(fast.WasDropped);
        Assert.Equal(0, channel.SinkErrors);
        fast.Dispose();
        Assert.Equal(ClusterStreamEnd.Stopped, await fastCopy.WaitAsync(Timeout));
        await fastPipe.Writer.CompleteAsync();
        using var reader = OggOpusReader.Open(new MemoryStream(await fastBytes.WaitAsync(Timeout)));
        int count = 0;
        while (reader.TryReadPacket(out _, out _))
        {
            count++;
        }

        Assert.Equal(program.FrameCount, count);
        output.WriteLine($"slow listener dropped after {slow.PacketsWritten} packets written; fast listener got {count}");
    }

    [Fact]
    public async Task CancellingTheRequestEndsTheStreamAsClientGone()
    {
        var stream = new OggOpusClusterStream();
        var pipe = new Pipe();
        using var request = new CancellationTokenSource();
        Task<ClusterStreamEnd> copying = stream.CopyToAsync(pipe.Writer, request.Token);
        await request.CancelAsync();
        Assert.Equal(ClusterStreamEnd.ClientGone, await copying.WaitAsync(Timeout));
    }

    [Fact]
    public void OnFrameAllocatesNothing()
    {
        var program = new ClusterTestProgram(1);
        var channel = new ClusterChannel(9);
        // 3 000 slots: the queue has room for every measured frame, so this is the steady state of a listener
        // that keeps up (its consumer is not running here; waking it reuses the awaiting state machine's box).
        var stream = new OggOpusClusterStream(new OggOpusClusterStreamOptions { MaxLag = TimeSpan.FromSeconds(60) });
        using IDisposable attachment = channel.Attach(stream);
        double perFrame = AllocationBudget.BytesPerOperation(() => program.Publish(channel, 0), iterations: 2_000, warmup: 500);
        Assert.Equal(0, perFrame);
        Assert.False(stream.WasDropped);
    }

    internal static async Task<byte[]> ReadAllAsync(PipeReader reader)
    {
        using var buffer = new MemoryStream();
        await reader.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the condition");
            await Task.Delay(10);
        }
    }
}
