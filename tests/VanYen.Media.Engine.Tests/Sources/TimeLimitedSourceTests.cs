using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Chime;

namespace VanYen.Media.Engine.Tests.Sources;

public class TimeLimitedSourceTests
{
    [Fact]
    public async Task ADurationLimitEndsTheStreamAfterThatMuchAudio()
    {
        var chime = new ChimeGenerator();
        await using var limited = new TimeLimitedSource(chime, TimeSpan.FromMilliseconds(500));
        var frame = new short[960];
        int frames = 0;
        while (await limited.ReadFrameAsync(frame, CancellationToken.None) == AudioSourceReadResult.Frame)
        {
            Assert.Equal(chime.Samples.Span.Slice(frames * 960, 960).ToArray(), frame);
            frames++;
        }

        Assert.Equal(25, frames);
        Assert.Equal(25, limited.FramesRead);
        Assert.Equal(chime.Description, limited.Description);
    }

    [Fact]
    public async Task AShortSourceEndsBeforeItsLimit()
    {
        await using var limited = new TimeLimitedSource(new ChimeGenerator(), TimeSpan.FromMinutes(5));
        var frame = new short[960];
        int frames = 0;
        while (await limited.ReadFrameAsync(frame, CancellationToken.None) == AudioSourceReadResult.Frame)
        {
            frames++;
        }

        Assert.Equal(100, frames);
    }

    [Fact]
    public async Task AWallClockLimitEndsTheStreamAtThatTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.FromHours(7)));
        await using var relay = new TimeLimitedSource(new ChimeGenerator(), time.GetUtcNow().AddSeconds(1), time);
        var frame = new short[960];
        Assert.Equal(AudioSourceReadResult.Frame, await relay.ReadFrameAsync(frame, CancellationToken.None));
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(AudioSourceReadResult.Frame, await relay.ReadFrameAsync(frame, CancellationToken.None));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(AudioSourceReadResult.EndOfStream, await relay.ReadFrameAsync(frame, CancellationToken.None));
    }
}
