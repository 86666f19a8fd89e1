using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Engine.Sources.Files;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Relay.Sources;
using VanYen.Media.Relay.Tests.Testing;

namespace VanYen.Media.Relay.Tests.Sources;

/// <summary>
/// The relay against real ffmpeg and a local Icecast-like server. Timeouts are shortened; assertions are on the
/// order of transitions and on the tones heard, never on how long anything took.
/// </summary>
public sealed class RelaySourceTests
{
    private const int PrimaryTone = 440;
    private const int AlternateTone = 660;
    private const int FallbackTone = 880;
    private static readonly int[] _tones = [PrimaryTone, AlternateTone, FallbackTone];
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PlaysTheStreamThenMovesToTheAlternateThenTheFallbackFileWhenEachServerStops()
    {
        await using var primary = PacedStreamServer.Start(ToneFiles.Tone(PrimaryTone, 4), TimeSpan.FromSeconds(2), StreamEnd.CloseAndStopListening);
        await using var alternate = PacedStreamServer.Start(ToneFiles.Tone(AlternateTone, 4), TimeSpan.FromSeconds(2), StreamEnd.CloseAndStopListening);
        string fallbackFile = ToneFiles.Tone(FallbackTone, 1.5);
        using var counter = new TransitionCounter();
        await using var relay = NewRelay(new RelaySourceOptions
        {
            Urls = [primary.Url, alternate.Url],
            Fallback = async cancellationToken => await FfmpegAudioDecoder.OpenAsync(fallbackFile, cancellationToken: cancellationToken),
            RetriesPerUrl = 1,
            RetryDelay = TimeSpan.FromMilliseconds(200),
            StallTimeout = TimeSpan.FromSeconds(3),
        });

        RelayRecording recording = await RelayRecording.PlayAsync(relay, _deadline);

        Assert.True(recording.Ended, "the relay never ended");
        Assert.Equal(
            [
                RelayTransitionKind.Connected, RelayTransitionKind.Failed, RelayTransitionKind.Retrying, RelayTransitionKind.Failed,
                RelayTransitionKind.SwitchedUrl, RelayTransitionKind.Connected, RelayTransitionKind.Failed, RelayTransitionKind.Retrying, RelayTransitionKind.Failed,
                RelayTransitionKind.FellBackToFile, RelayTransitionKind.GaveUp,
            ],
            recording.Kinds);
        Assert.Equal([PrimaryTone, AlternateTone, FallbackTone], recording.ToneSequence(_tones));

        IReadOnlyList<(RelayTransition Transition, int Frame)> transitions = recording.Transitions;
        Assert.Equal(primary.Url, transitions[0].Transition.Url);
        Assert.Equal("the stream ended", transitions[1].Transition.Reason);
        Assert.Contains("refused", transitions[3].Transition.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(alternate.Url, transitions[4].Transition.Url);
        Assert.Equal(alternate.Url, transitions[5].Transition.Url);
        Assert.Null(transitions[9].Transition.Url);
        // Each tone is heard only after the transition that brought it.
        Assert.True(recording.FirstFrameOf(AlternateTone, _tones) >= transitions[4].Frame);
        Assert.True(recording.FirstFrameOf(FallbackTone, _tones) >= transitions[9].Frame);
        Assert.Equal(1, primary.ConnectionCount);
        Assert.Equal(1, alternate.ConnectionCount);
        Assert.Equal(0, recording.ReadsThatWaited);

        Assert.Equal(2, counter["connected"]);
        Assert.Equal(4, counter["failed"]);
        Assert.Equal(2, counter["retrying"]);
        Assert.Equal(1, counter["switched_url"]);
        Assert.Equal(1, counter["fell_back_to_file"]);
        Assert.Equal(1, counter["gave_up"]);
        Assert.Equal(0, counter["stalled"]);
    }

    [Fact]
    public async Task AStreamThatGoesSilentIsDeadAirAndTheFallbackPlays()
    {
        await using var server = PacedStreamServer.Start(ToneFiles.Tone(PrimaryTone, 4), TimeSpan.FromSeconds(1.5), StreamEnd.SwitchContent, ToneFiles.Silence(4));
        string fallbackFile = ToneFiles.Tone(FallbackTone, 1.5);
        using var counter = new TransitionCounter();
        await using var relay = NewRelay(new RelaySourceOptions
        {
            Urls = [server.Url],
            Fallback = async cancellationToken => await FfmpegAudioDecoder.OpenAsync(fallbackFile, cancellationToken: cancellationToken),
            RetriesPerUrl = 0,
            SilenceTimeout = TimeSpan.FromSeconds(1.5),
            StallTimeout = TimeSpan.FromSeconds(3),
        });

        RelayRecording recording = await RelayRecording.PlayAsync(relay, _deadline);

        Assert.True(recording.Ended, "the relay never ended");
        Assert.Equal([RelayTransitionKind.Connected, RelayTransitionKind.Silent, RelayTransitionKind.FellBackToFile, RelayTransitionKind.GaveUp], recording.Kinds);
        Assert.Equal("below -40 dBFS for 1.5 s", recording.Transitions[1].Transition.Reason);
        Assert.Equal([PrimaryTone, FallbackTone], recording.ToneSequence(_tones));
        // The dead air itself was played (1.5 s of it) before the relay gave up on it.
        Assert.True(recording.QuietWindowCount() >= 10, $"only {recording.QuietWindowCount()} quiet windows");
        Assert.Equal(1, counter["silent"]);
        Assert.Equal(1, counter["fell_back_to_file"]);
    }

    [Fact]
    public async Task AConnectionThatStopsSendingIsStalledAndWithoutFallbackTheRelayGivesUp()
    {
        await using var server = PacedStreamServer.Start(ToneFiles.Tone(PrimaryTone, 4), TimeSpan.FromSeconds(4), StreamEnd.Stall);
        using var counter = new TransitionCounter();
        await using var relay = NewRelay(new RelaySourceOptions
        {
            Urls = [server.Url],
            RetriesPerUrl = 0,
            // Longer than ffmpeg's start and probe on a loaded machine, so the stall is the one mid-stream.
            StallTimeout = TimeSpan.FromSeconds(2.5),
        });

        RelayRecording recording = await RelayRecording.PlayAsync(relay, _deadline);

        Assert.True(recording.Ended, "the relay never ended");
        Assert.Equal([RelayTransitionKind.Connected, RelayTransitionKind.Stalled, RelayTransitionKind.GaveUp], recording.Kinds);
        Assert.Equal("no data for 2.5 s", recording.Transitions[1].Transition.Reason);
        Assert.Equal(server.Url, recording.Transitions[2].Transition.Url);
        Assert.Equal([PrimaryTone], recording.ToneSequence(_tones));
        Assert.Equal(1, counter["stalled"]);
        Assert.Equal(1, counter["gave_up"]);
        Assert.Null(relay.CurrentUrl);
    }

    [Fact]
    public async Task AServerThatAcceptsButNeverAnswersStallsWhileConnectingAndReadsStillReturnSilenceAtOnce()
    {
        await using var server = PacedStreamServer.Start(ToneFiles.Tone(PrimaryTone, 4), TimeSpan.Zero, StreamEnd.Stall);
        await using var relay = NewRelay(new RelaySourceOptions
        {
            Urls = [server.Url],
            RetriesPerUrl = 1,
            RetryDelay = TimeSpan.FromMilliseconds(100),
            StallTimeout = TimeSpan.FromSeconds(1),
        });

        RelayRecording recording = await RelayRecording.PlayAsync(relay, _deadline);

        Assert.True(recording.Ended, "the relay never ended");
        Assert.Equal([RelayTransitionKind.Stalled, RelayTransitionKind.Retrying, RelayTransitionKind.Stalled, RelayTransitionKind.GaveUp], recording.Kinds);
        // ffmpeg may be slower to start than the watchdog on a loaded machine, so it may not even have connected.
        Assert.InRange(server.ConnectionCount, 0, 2);
        Assert.True(recording.Frames > 0);
        Assert.All(recording.Samples, sample => Assert.Equal(0, sample));
        Assert.Equal(0, recording.ReadsThatWaited);
    }

    [Fact]
    public async Task AnUnreachableUrlFailsAndIsRetriedThenTheRelayGivesUp()
    {
        Uri closed = PacedStreamServer.ClosedPortUrl();
        using var counter = new TransitionCounter();
        await using var relay = NewRelay(new RelaySourceOptions
        {
            Urls = [closed],
            RetriesPerUrl = 1,
            RetryDelay = TimeSpan.FromMilliseconds(100),
            // Long: a refused connection must fail on its own, not by the stall watchdog.
            StallTimeout = TimeSpan.FromSeconds(20),
        });

        RelayRecording recording = await RelayRecording.PlayAsync(relay, _deadline);

        Assert.True(recording.Ended, "the relay never ended");
        Assert.Equal([RelayTransitionKind.Failed, RelayTransitionKind.Retrying, RelayTransitionKind.Failed, RelayTransitionKind.GaveUp], recording.Kinds);
        Assert.Contains("refused", recording.Transitions[0].Transition.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("retry 1 of 1 in 0.1 s", recording.Transitions[1].Transition.Reason);
        Assert.Equal(2, counter["failed"]);
        Assert.Equal(0, counter["stalled"]);
    }

    [Fact]
    public async Task DisposingMidStreamStopsFfmpegWhichClosesTheConnection()
    {
        await using var server = PacedStreamServer.Start(ToneFiles.Tone(PrimaryTone, 4));
        var relay = NewRelay(new RelaySourceOptions { Urls = [server.Url] });

        RelayRecording recording = await RelayRecording.PlayAsync(relay, _deadline, playing => playing.ToneSequence(_tones).Length > 0);
        Task dispose = relay.DisposeAsync().AsTask();
        Task second = relay.DisposeAsync().AsTask();
        await Task.WhenAll(dispose, second).WaitAsync(_deadline);

        Assert.Equal([PrimaryTone], recording.ToneSequence(_tones));
        await server.ClientLeft.WaitAsync(_deadline);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await relay.ReadFrameAsync(new short[960], CancellationToken.None));
    }

    [Fact]
    public async Task PlainRtpWithAStaticPayloadTypeIsRelayedAndItsEndIsAStall()
    {
        await using var sender = RtpToneSender.Start(PrimaryTone);
        await using var relay = NewRelay(new RelaySourceOptions
        {
            Urls = [sender.Url],
            RetriesPerUrl = 0,
            // UDP has no end of stream: the sender stopping is only seen as nothing more on the wire.
            StallTimeout = TimeSpan.FromSeconds(5),
        });
        relay.Transition += (_, transition) =>
        {
            if (transition.Kind == RelayTransitionKind.Connected)
            {
                _ = Task.Delay(TimeSpan.FromSeconds(1)).ContinueWith(_ => sender.DisposeAsync().AsTask(), TaskScheduler.Default).Unwrap();
            }
        };

        RelayRecording recording = await RelayRecording.PlayAsync(relay, _deadline);

        Assert.True(recording.Ended, "the relay never ended");
        Assert.Equal([RelayTransitionKind.Connected, RelayTransitionKind.Stalled, RelayTransitionKind.GaveUp], recording.Kinds);
        Assert.Equal([PrimaryTone], recording.ToneSequence(_tones));
    }

    [Fact]
    public async Task ReadingFramesAllocatesNothing()
    {
        await using var server = PacedStreamServer.Start(ToneFiles.Tone(PrimaryTone, 4));
        await using var relay = NewRelay(new RelaySourceOptions { Urls = [server.Url] });
        RelayRecording recording = await RelayRecording.PlayAsync(relay, _deadline, playing => playing.ToneSequence(_tones).Length > 0);
        Assert.Equal([PrimaryTone], recording.ToneSequence(_tones));
        short[] frame = new short[960];

        // Buffered audio first, then silence once the reads outrun the stream: both paths are measured.
        AllocationBudget.AssertZero(() => relay.ReadFrameAsync(frame, CancellationToken.None).GetAwaiter().GetResult(), iterations: 2_000);
    }

    [Fact]
    public void ARelayNeedsAUrl()
    {
        var options = new RelaySourceOptions { Urls = [] };

        ArgumentException exception = Assert.Throws<ArgumentException>(() => NewRelay(options));

        Assert.Contains("at least one URL", exception.Message, StringComparison.Ordinal);
    }

    private static RelaySource NewRelay(RelaySourceOptions options) =>
        new(options, TimeProvider.System, NullLogger<RelaySource>.Instance);
}
