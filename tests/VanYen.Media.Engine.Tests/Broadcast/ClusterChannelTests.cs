using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.Engine.Tests.Broadcast;

public class ClusterChannelTests
{
    [Fact]
    public async Task SinksAttachAndDetachWhilePublishingWithoutLosingFramesForTheOthers()
    {
        var channel = new ClusterChannel(42);
        var steady = new CopyingSink();
        using IDisposable attachment = channel.Attach(steady);
        byte[] payload = [0xF8, 0xFF, 0xFE];
        var pcm = new short[960];
        using var stop = new CancellationTokenSource();
        int churns = 0;
        Task churn = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var transient = new CopyingSink();
                using (channel.Attach(transient))
                {
                    Thread.Yield();
                }

                Interlocked.Increment(ref churns);
            }
        });

        int published = 0;
        while (published < 20_000 || Volatile.Read(ref churns) < 200)
        {
            channel.Publish("program", payload, pcm);
            published++;
        }

        await stop.CancelAsync();
        await churn;
        Assert.Equal(published, steady.Frames);
        Assert.Equal((long)published * (12 + payload.Length), steady.Bytes);
        Assert.Equal(1, channel.SinkCount);
        Assert.Equal(0, channel.SinkErrors);
    }

    [Fact]
    public void AThrowingSinkIsCountedAndTheOthersStillGetTheFrame()
    {
        var channel = new ClusterChannel(1);
        var before = new CopyingSink();
        var after = new CopyingSink();
        channel.Attach(before);
        channel.Attach(new ThrowingSink());
        channel.Attach(after);

        channel.Publish("p", [1, 2, 3], new short[960]);

        Assert.Equal(1, before.Frames);
        Assert.Equal(1, after.Frames);
        Assert.Equal(1, channel.SinkErrors);
    }

    private sealed class ThrowingSink : IClusterSink
    {
        public void OnFrame(in ClusterFrame frame) => throw new InvalidOperationException("broken receiver");
    }
}
