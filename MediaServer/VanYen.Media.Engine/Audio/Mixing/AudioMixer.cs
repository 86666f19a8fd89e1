using VanYen.Media.Engine.Audio.Levels;

namespace VanYen.Media.Engine.Audio.Mixing;

/// <summary>
/// Mixes a meeting's inputs, 20 ms at a time: only the loudest K talkers are
/// decoded and mixed; each talker hears a mix-minus (the other talkers, never
/// itself) and every other participant shares one listener mix, encoded once.
/// </summary>
/// <remarks>
/// <para>One tick, driven by the 20 ms clock loop:</para>
/// <list type="number">
/// <item><see cref="ReportLevel(int, byte, bool)"/> for each input whose packet for this tick carries an
/// RFC 6464 level (read before decoding, so silent inputs are never decoded);</item>
/// <item><see cref="SelectTalkers"/> ranks the inputs, applies the hangover and returns the talkers;</item>
/// <item>decode and <see cref="SubmitFrame"/> (or write <see cref="InputBuffer"/> then
/// <see cref="CommitFrame"/>) for each input in <see cref="InputsToDecode"/>: the talkers, plus
/// inputs that report no level, whose energy is then measured for the next selection;</item>
/// <item><see cref="Mix"/>, then encode <see cref="ListenerMix"/> once and <see cref="MixMinus"/> per talker.</item>
/// </list>
/// <para>
/// Not thread-safe: one clock thread drives a mixer and calls every member,
/// including <see cref="ReportLevel(int, byte, bool)"/> and the input management. No member
/// allocates in steady state except <see cref="AddInput"/> when it must grow.
/// </para>
/// </remarks>
public sealed partial class AudioMixer
{
    private const int NoSeat = -1;
    private const long Never = long.MinValue / 2;

    private readonly int _maxTalkers;
    private readonly int _hangoverFrames;
    private readonly int _activityThreshold;
    private readonly int _displacementMargin;
    private readonly int _levelLifetime;
    private readonly bool _useVoiceFlag;

    private long _tick;

    // Per input slot, indexed by input id.
    private bool[] _inUse;
    private short[][] _frames;
    private AudioLevelMeter[] _meters;
    private float[] _volume;
    private bool[] _muted;
    private int[] _gain;
    private byte[] _reportedLevel;
    private bool[] _reportedVoice;
    private long[] _reportTick;
    private long[] _frameTick;
    private long[] _lastActiveTick;
    private long[] _consideredTick;
    private float[] _score;
    private int[] _seatOf;
    private int[] _decodeList;
    private int _decodeCount;
    private int _slotCount;
    private int _inputCount;

    // Per seat, indexed by position in _talkers.
    private readonly int[] _talkers;
    private int _talkerCount;
    private readonly int[][] _contributions;
    private readonly bool[] _seatHasFrame;
    private readonly short[][] _mixMinus;
    private readonly int _frameSamples;
    private readonly int[] _sum;
    private readonly short[] _listenerMix;

    /// <summary>Creates a mixer with the default options (K = 3, 300 ms hangover).</summary>
    public AudioMixer()
        : this(new AudioMixerOptions())
    {
    }

    /// <summary>Creates a mixer.</summary>
    public AudioMixer(AudioMixerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _maxTalkers = options.MaxTalkers;
        _hangoverFrames = options.HangoverFrames;
        _activityThreshold = options.ActivityThreshold;
        _displacementMargin = options.DisplacementMarginDb;
        _levelLifetime = options.LevelLifetimeFrames;
        _useVoiceFlag = options.UseVoiceActivityFlag;
        _frameSamples = options.FrameSamples;
        _sum = new int[_frameSamples];
        _listenerMix = new short[_frameSamples];

        _talkers = new int[_maxTalkers];
        _seatHasFrame = new bool[_maxTalkers];
        _contributions = new int[_maxTalkers][];
        _mixMinus = new short[_maxTalkers][];
        for (int seat = 0; seat < _maxTalkers; seat++)
        {
            _contributions[seat] = new int[_frameSamples];
            _mixMinus[seat] = new short[_frameSamples];
        }

        int capacity = options.InitialInputCapacity;
        _inUse = new bool[capacity];
        _frames = new short[capacity][];
        _meters = new AudioLevelMeter[capacity];
        _volume = new float[capacity];
        _muted = new bool[capacity];
        _gain = new int[capacity];
        _reportedLevel = new byte[capacity];
        _reportedVoice = new bool[capacity];
        _reportTick = new long[capacity];
        _frameTick = new long[capacity];
        _lastActiveTick = new long[capacity];
        _consideredTick = new long[capacity];
        _score = new float[capacity];
        _seatOf = new int[capacity];
        _decodeList = new int[capacity];
    }

    /// <summary>K: how many talkers are mixed at most.</summary>
    public int MaxTalkers => _maxTalkers;

    /// <summary>Samples in one frame of every input and mix (<see cref="AudioMixerOptions.FrameSamples"/>).</summary>
    public int FrameSamples => _frameSamples;

    /// <summary>Inputs currently added.</summary>
    public int InputCount => _inputCount;

    /// <summary>Ticks started by <see cref="SelectTalkers"/> so far.</summary>
    public long Tick => _tick;

    /// <summary>Calls to <see cref="Mix"/> so far.</summary>
    public long FramesMixed { get; private set; }

    /// <summary>How many times an input took or left a talker seat.</summary>
    public long TalkerChanges { get; private set; }

    /// <summary>Talker frames that were missing at <see cref="Mix"/> (lost and not concealed) and mixed as silence.</summary>
    public long MissingTalkerFrames { get; private set; }

    /// <summary>The talkers chosen by the last <see cref="SelectTalkers"/>.</summary>
    public ReadOnlySpan<int> Talkers => _talkers.AsSpan(0, _talkerCount);

    /// <summary>
    /// Inputs whose frame the caller should decode and submit this tick: the talkers, and
    /// inputs without a recent RFC 6464 level, which are ranked by the energy of their frames.
    /// </summary>
    public ReadOnlySpan<int> InputsToDecode => _decodeList.AsSpan(0, _decodeCount);

    /// <summary>The sum of all talkers, for every participant who is not a talker. Valid after <see cref="Mix"/>.</summary>
    public ReadOnlySpan<short> ListenerMix => _listenerMix;

    /// <summary>Adds an input (a participant) and returns its id; ids of removed inputs are reused.</summary>
    public int AddInput()
    {
        int input = Array.IndexOf(_inUse, false, 0, _slotCount);
        if (input < 0)
        {
            if (_slotCount == _inUse.Length)
            {
                Grow(_inUse.Length * 2);
            }

            input = _slotCount++;
        }

        _inUse[input] = true;
        _frames[input] ??= new short[_frameSamples];
        _meters[input] ??= new AudioLevelMeter();
        _meters[input].Reset();
        _volume[input] = 1f;
        _muted[input] = false;
        _gain[input] = SaturatingMix.UnityGain;
        _reportedLevel[input] = AudioLevel.MaximumLevel;
        _reportedVoice[input] = false;
        _reportTick[input] = Never;
        _frameTick[input] = Never;
        _lastActiveTick[input] = Never;
        _consideredTick[input] = Never;
        _score[input] = 0;
        _seatOf[input] = NoSeat;
        _inputCount++;
        return input;
    }

    /// <summary>Removes an input; if it was a talker its seat is freed at once.</summary>
    public void RemoveInput(int input)
    {
        ThrowIfNotInput(input);
        if (_seatOf[input] != NoSeat)
        {
            Unseat(input);
        }

        RemoveFromDecodeList(input);
        _inUse[input] = false;
        _inputCount--;
    }

    /// <summary>True when <paramref name="input"/> is a current input id.</summary>
    public bool ContainsInput(int input) => (uint)input < (uint)_slotCount && _inUse[input];

    /// <summary>True when <paramref name="input"/> is one of the talkers chosen by the last selection.</summary>
    public bool IsTalker(int input)
    {
        ThrowIfNotInput(input);
        return _seatOf[input] != NoSeat;
    }

    /// <summary>
    /// Records the RFC 6464 level of the input's packet for the coming tick (-dBov, 0..127;
    /// values above 127 are taken as 127) and its V flag. Used by the next <see cref="SelectTalkers"/>
    /// and for <see cref="AudioMixerOptions.LevelLifetimeFrames"/> ticks after it.
    /// </summary>
    public void ReportLevel(int input, byte levelMinusDbov, bool voice)
    {
        ThrowIfNotInput(input);
        _reportedLevel[input] = Math.Min(levelMinusDbov, AudioLevel.MaximumLevel);
        _reportedVoice[input] = voice;
        _reportTick[input] = _tick;
    }

    /// <summary>Records an RFC 6464 level read from a packet's header extension.</summary>
    public void ReportLevel(int input, AudioLevel level) => ReportLevel(input, level.Level, level.Voice);

    /// <summary>Sets the input's volume (1 = unchanged, 0 = silent, at most 8); kept across mute and unmute.</summary>
    public void SetVolume(int input, float volume)
    {
        ThrowIfNotInput(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(volume, 0f);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volume, 8f);
        _volume[input] = volume;
        UpdateGain(input);
    }

    /// <summary>The input's volume.</summary>
    public float GetVolume(int input)
    {
        ThrowIfNotInput(input);
        return _volume[input];
    }

    /// <summary>Mutes or unmutes the input; a muted input is never a talker and contributes nothing.</summary>
    public void SetMuted(int input, bool muted)
    {
        ThrowIfNotInput(input);
        _muted[input] = muted;
        UpdateGain(input);
    }

    /// <summary>True when the input is muted.</summary>
    public bool IsMuted(int input)
    {
        ThrowIfNotInput(input);
        return _muted[input];
    }

    private void UpdateGain(int input) =>
        _gain[input] = _muted[input] ? 0 : (int)MathF.Round(_volume[input] * SaturatingMix.UnityGain);

    private void Grow(int capacity)
    {
        Array.Resize(ref _inUse, capacity);
        Array.Resize(ref _frames, capacity);
        Array.Resize(ref _meters, capacity);
        Array.Resize(ref _volume, capacity);
        Array.Resize(ref _muted, capacity);
        Array.Resize(ref _gain, capacity);
        Array.Resize(ref _reportedLevel, capacity);
        Array.Resize(ref _reportedVoice, capacity);
        Array.Resize(ref _reportTick, capacity);
        Array.Resize(ref _frameTick, capacity);
        Array.Resize(ref _lastActiveTick, capacity);
        Array.Resize(ref _consideredTick, capacity);
        Array.Resize(ref _score, capacity);
        Array.Resize(ref _seatOf, capacity);
        Array.Resize(ref _decodeList, capacity);
    }

    private void ThrowIfNotInput(int input)
    {
        if (!ContainsInput(input))
        {
            ThrowNotInput(input);
        }
    }

    private static void ThrowNotInput(int input) =>
        throw new ArgumentOutOfRangeException(nameof(input), input, "No such mixer input.");
}
