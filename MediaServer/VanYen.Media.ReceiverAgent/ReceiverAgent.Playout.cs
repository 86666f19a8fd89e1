using VanYen.Media.Engine.Audio.Clock;
using VanYen.Media.Engine.Audio.Jitter;
using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.ReceiverAgent;

public sealed partial class ReceiverAgent
{
    private const int FrameSamples = JitterBuffer.FrameSamples;
    private const int SampleRate = 48000;
    private readonly Lock _playoutLock = new();
    private readonly short[] _liveFrame = new short[FrameSamples];
    private readonly short[] _outputFrame = new short[FrameSamples];
    private readonly List<PlayedFrame> _played = [];
    private volatile int _volume = 100;
    private volatile bool _muted;
    private volatile string? _currentProgramId;
    private string? _nowPlayingId;
    private string? _liveStartedId;
    private int _ticksSinceLive = int.MaxValue;
    private PreparedAudio? _playingPrepared;

    /// <summary>Output volume, 0–100 (the cluster default at login, then the hub's SetVolume).</summary>
    public int Volume
    {
        get => _volume;
        private set => _volume = Math.Clamp(value, 0, 100);
    }

    /// <summary>Whether the output is muted (hub SetMute).</summary>
    public bool Muted => _muted;

    /// <summary>
    /// The cluster's on-air hours as last received. The server decides what airs (an emergency may air at any hour),
    /// so the agent shows them and does not gate its output on them.
    /// </summary>
    public DeviceOnAirHours? OnAirHours { get; private set; }

    /// <summary>
    /// The program sounding now: the prepared one playing, else the live one heard at the last tick (or within
    /// <see cref="ReceiverAgentOptions.PlayingReportHold"/> of it while the hub still announces it), or null.
    /// </summary>
    public string? CurrentProgramId => _currentProgramId;

    /// <summary>The live program the hub last announced (NowPlaying), or null.</summary>
    public string? AnnouncedProgramId
    {
        get
        {
            lock (_playoutLock)
            {
                return _nowPlayingId;
            }
        }
    }

    /// <summary>Playout ticks that came late / were skipped because this process was too busy (diagnostics).</summary>
    public (long Late, long Skipped, long Errors) PlayoutClockStatistics => (_clock.LateTicks, _clock.SkippedTicks, _clock.HandlerErrors);

    /// <summary>Every frame played so far, oldest first (only with <see cref="ReceiverAgentOptions.RecordPlayedAudio"/>).</summary>
    public IReadOnlyList<PlayedFrame> GetPlayedFrames()
    {
        lock (_played)
        {
            return [.. _played];
        }
    }

    private void OnTick()
    {
        // The jitter buffer is popped every tick, even while a prepared program plays, so the live stream stays current.
        JitterFrameKind kind = _media.PopFrame(_liveFrame);
        bool liveAudio = kind is JitterFrameKind.Decoded or JitterFrameKind.FecRecovered or JitterFrameKind.Concealed;
        DateTimeOffset serverNow = ServerNow;
        PlayedFrameSource source;
        string? programId;
        lock (_playoutLock)
        {
            PreparedAudio? prepared = NextPreparedFrame(serverNow, _outputFrame);

            // No double audio: the live stream of a program this device holds a local copy of is dropped (the copy
            // plays, or has played, in its place); the live stream of any other program the server announces wins
            // over the copy, since the server put it on air above it (an emergency, a cancel).
            bool liveIsLocalCopy = _nowPlayingId is not null && _prepared.ContainsKey(_nowPlayingId);
            bool liveWins = liveAudio && _nowPlayingId is not null && !liveIsLocalCopy;
            if (prepared is not null && !liveWins)
            {
                source = PlayedFrameSource.Prepared;
                programId = prepared.Program.ProgramId;
            }
            else if (liveAudio && !liveIsLocalCopy)
            {
                _liveFrame.CopyTo(_outputFrame, 0);
                source = PlayedFrameSource.Live;
                programId = _nowPlayingId;
                if (_nowPlayingId is not null && _liveStartedId != _nowPlayingId)
                {
                    if (_liveStartedId is not null)
                    {
                        Confirm(_liveStartedId, PlaybackEvent.Finished, serverNow);
                    }

                    _liveStartedId = _nowPlayingId;
                    Confirm(_nowPlayingId, PlaybackEvent.Started, serverNow);
                }
            }
            else
            {
                Array.Clear(_outputFrame);
                source = PlayedFrameSource.Silence;
                programId = null;
            }

            if (source == PlayedFrameSource.Live)
            {
                _ticksSinceLive = 0;
            }
            else if (_ticksSinceLive < int.MaxValue)
            {
                _ticksSinceLive++;
            }

            _currentProgramId = programId ?? HeldLiveProgram();
        }

        ApplyVolume(_outputFrame);
        _output?.Write(_outputFrame);
        if (_options.RecordPlayedAudio)
        {
            lock (_played)
            {
                _played.Add(new PlayedFrame(_time.GetUtcNow(), source, programId, (short[])_outputFrame.Clone()));
            }
        }
    }

    /// <summary>The announced live program through a short stall of its stream (see <see cref="ReceiverAgentOptions.PlayingReportHold"/>).</summary>
    private string? HeldLiveProgram()
    {
        bool recent = _ticksSinceLive < _options.PlayingReportHold.TotalMilliseconds / 20;
        return recent && _nowPlayingId is not null && _nowPlayingId == _liveStartedId ? _nowPlayingId : null;
    }

    private void ApplyVolume(Span<short> frame)
    {
        int volume = _muted ? 0 : _volume;
        if (volume == 100)
        {
            return;
        }

        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(frame[i] * volume / 100);
        }
    }

    /// <summary>Handles NowPlaying from the hub: a change ends the confirmed live program.</summary>
    private void OnNowPlaying(string? programId)
    {
        lock (_playoutLock)
        {
            _nowPlayingId = programId;
            if (_liveStartedId is not null && _liveStartedId != programId)
            {
                Confirm(_liveStartedId, PlaybackEvent.Finished, ServerNow);
                _liveStartedId = null;
            }
        }
    }

    private void Confirm(string programId, PlaybackEvent playbackEvent, DateTimeOffset at)
    {
        var confirmation = new PlaybackConfirmation(programId, playbackEvent, at);
        _confirmations.Writer.TryWrite(confirmation);
        PlaybackConfirmed?.Invoke(this, confirmation);
    }

    private sealed class PlayoutTick(ReceiverAgent agent) : IMediaClockHandler
    {
        public void OnTick(long tick) => agent.OnTick();
    }
}
