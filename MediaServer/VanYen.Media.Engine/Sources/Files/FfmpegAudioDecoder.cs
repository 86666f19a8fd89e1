using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using System.Text;

namespace VanYen.Media.Engine.Sources.Files;

/// <summary>
/// Decodes any audio file, URL or stream ffmpeg understands (MP3, WAV, M4A/AAC, Ogg Vorbis/Opus, FLAC,
/// AMR from phones...) to 48 kHz mono 16-bit PCM and hands it out in 20 ms frames of 960 samples.
/// </summary>
/// <remarks>
/// One ffmpeg process per decoder (<c>ffmpeg -i INPUT -f s16le -ac 1 -ar 48000 -</c>); its standard output is
/// read through a <see cref="PipeReader"/>, and a <see cref="Stream"/> input is copied to its standard input.
/// <see cref="OpenAsync(string, FfmpegAudioDecoderOptions?, CancellationToken)"/> waits for the first decoded
/// bytes, so unsupported or corrupt input fails there with an <see cref="AudioDecodeException"/> carrying
/// ffmpeg's error (no ffprobe run). ffmpeg is paced by the reader: when frames are not read, the pipe fills
/// and ffmpeg waits. The process is killed when a read is cancelled and on dispose. Not thread-safe.
/// </remarks>
public sealed partial class FfmpegAudioDecoder : IAudioSource
{
    /// <summary>Output sample rate in hertz.</summary>
    public const int SampleRate = 48000;

    /// <summary>Samples in one 20 ms output frame.</summary>
    public const int FrameLength = 960;

    private const int BytesPerFrame = FrameLength * sizeof(short);
    private const int MaxErrorLength = 4096;

    private readonly Process _process;
    private readonly PipeReader _output;
    private readonly FfmpegAudioDecoderOptions _options;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly StringBuilder _error = new();
    private readonly Stream? _input;
    private readonly bool _leaveInputOpen;
    private string _inputArgument = string.Empty;
    private Task _errorReader = Task.CompletedTask;
    private Task _inputPump = Task.CompletedTask;
    private string? _detectedFormat;
    private Exception? _inputFailure;
    private bool _succeeded;
    private bool _ended;
    private bool _disposed;

    private FfmpegAudioDecoder(Process process, FfmpegAudioDecoderOptions options, string description, Stream? input, bool leaveInputOpen)
    {
        _process = process;
        _options = options;
        _input = input;
        _leaveInputOpen = leaveInputOpen;
        Description = description;
        _output = PipeReader.Create(process.StandardOutput.BaseStream, new StreamPipeReaderOptions(bufferSize: 16 * 1024));
    }

    /// <summary>What is being decoded, for logs: the file name, the URL without its query, or "stream".</summary>
    public string Description { get; }

    /// <summary>The container the input's first bytes suggest, or null when unknown (see <see cref="AudioFormatSniffer"/>).</summary>
    public string? DetectedFormat => _detectedFormat;

    /// <summary>Decoded samples handed out so far, not counting the zero padding of the last frame.</summary>
    public long DecodedSampleCount { get; private set; }

    /// <summary>The ffmpeg process' id, for tests that check it is gone.</summary>
    internal int ProcessId => _process.Id;

    /// <summary>The duration decoded so far: at the end, the input's duration.</summary>
    public TimeSpan Position => TimeSpan.FromSeconds((double)DecodedSampleCount / SampleRate);

    /// <summary>
    /// Starts decoding a local file or a URL (http, https, rtmp...) and waits until ffmpeg produces audio.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path names no file.</exception>
    /// <exception cref="AudioDecodeException">ffmpeg cannot be started or cannot decode the input; the message says why.</exception>
    public static async ValueTask<FfmpegAudioDecoder> OpenAsync(string input, FfmpegAudioDecoderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        options ??= new FfmpegAudioDecoderOptions();
        bool isUrl = IsUrl(input);
        string? detected = null;
        string argument;
        string description;
        string? whitelist = options.ProtocolWhitelist;
        if (isUrl)
        {
            var uri = new Uri(input);
            argument = input;
            description = uri.GetLeftPart(UriPartial.Path);
        }
        else
        {
            string fullPath = Path.GetFullPath(input);
            if (!File.Exists(fullPath))
            {
                throw new FileNotFoundException($"No audio file at '{fullPath}'.", fullPath);
            }

            detected = SniffFile(fullPath);
            // The "file:" prefix keeps a name with a colon or a leading dash from being read as a protocol or an option.
            argument = "file:" + fullPath;
            description = Path.GetFileName(fullPath);
            whitelist ??= "file";
        }

        FfmpegAudioDecoder decoder = Start(options, argument, whitelist, description, input: null, leaveInputOpen: true);
        decoder._detectedFormat = detected;
        await decoder.WaitForFirstOutputAsync(cancellationToken).ConfigureAwait(false);
        return decoder;
    }

    /// <summary>
    /// Starts decoding <paramref name="input"/>, copied to ffmpeg's standard input, and waits until ffmpeg produces audio.
    /// Formats that need seeking (an MP4/M4A whose index is at the end) cannot be read this way: pass a file path.
    /// </summary>
    /// <exception cref="AudioDecodeException">ffmpeg cannot be started or cannot decode the input; the message says why.</exception>
    public static async ValueTask<FfmpegAudioDecoder> OpenAsync(Stream input, FfmpegAudioDecoderOptions? options = null, bool leaveOpen = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new FfmpegAudioDecoderOptions();
        FfmpegAudioDecoder decoder = Start(options, "pipe:0", options.ProtocolWhitelist ?? "pipe", "stream", input, leaveOpen);
        await decoder.WaitForFirstOutputAsync(cancellationToken).ConfigureAwait(false);
        return decoder;
    }

    /// <summary>
    /// Fills <paramref name="frame"/> with the next 20 ms (960 samples); the last frame is zero-padded.
    /// </summary>
    /// <returns><see cref="AudioSourceReadResult.Frame"/>, or <see cref="AudioSourceReadResult.EndOfStream"/> at the end of the audio.</returns>
    /// <exception cref="AudioDecodeException">ffmpeg failed (corrupt data, a dropped connection).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; ffmpeg has been killed and the decoder is finished.</exception>
    public async ValueTask<AudioSourceReadResult> ReadFrameAsync(Memory<short> frame, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (frame.Length < FrameLength)
        {
            throw new ArgumentException($"A frame holds {FrameLength} samples; got {frame.Length}.", nameof(frame));
        }

        // IAudioSource: a longer buffer is fine, the frame goes into its first 960 samples.
        frame = frame[..FrameLength];

        if (_ended)
        {
            return AudioSourceReadResult.EndOfStream;
        }

        // A read pending on ffmpeg's output pipe does not see the token on Unix; killing ffmpeg closes the pipe and ends it.
        using CancellationTokenRegistration registration = cancellationToken.UnsafeRegister(static state => ((FfmpegAudioDecoder)state!).TryKill(), this);
        try
        {
            while (true)
            {
                ReadResult result = await _output.ReadAsync(cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                ReadOnlySequence<byte> buffer = result.Buffer;
                if (buffer.Length >= BytesPerFrame)
                {
                    CopySamples(buffer.Slice(0, BytesPerFrame), frame.Span);
                    _output.AdvanceTo(buffer.GetPosition(BytesPerFrame));
                    DecodedSampleCount += FrameLength;
                    return AudioSourceReadResult.Frame;
                }

                if (!result.IsCompleted)
                {
                    _output.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                // ffmpeg closed its output: the rest is the last, partial frame, delivered only if ffmpeg ended well.
                int usableSamples = (int)(buffer.Length / sizeof(short));
                Span<short> span = frame.Span;
                CopySamples(buffer.Slice(0, usableSamples * sizeof(short)), span[..usableSamples]);
                span[usableSamples..].Clear();
                _output.AdvanceTo(buffer.End);
                await EnsureSucceededAsync(cancellationToken).ConfigureAwait(false);
                _ended = true;
                if (usableSamples == 0)
                {
                    return AudioSourceReadResult.EndOfStream;
                }

                DecodedSampleCount += usableSamples;
                return AudioSourceReadResult.Frame;
            }
        }
        catch (OperationCanceledException)
        {
            _ended = true;
            TryKill();
            throw;
        }
    }

    /// <summary>Kills ffmpeg if it still runs, waits for it and releases the pipes (and the input stream unless left open).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _ended = true;
        await _lifetime.CancelAsync().ConfigureAwait(false);
        TryKill();
        await _output.CompleteAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(_options.ExitTimeout))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Killed but not reaped in time: the OS finishes it; nothing more to do here.
            }
        }

        await Quietly(_inputPump).ConfigureAwait(false);
        await Quietly(_errorReader).ConfigureAwait(false);
        _process.Dispose();
        _lifetime.Dispose();
        if (_input is not null && !_leaveInputOpen)
        {
            await _input.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void CopySamples(ReadOnlySequence<byte> bytes, Span<short> destination)
    {
        bytes.CopyTo(MemoryMarshal.AsBytes(destination));
        if (!BitConverter.IsLittleEndian)
        {
            // s16le is little-endian whatever the machine.
            BinaryPrimitives.ReverseEndianness(destination, destination);
        }
    }

    private static bool IsUrl(string input) =>
        Uri.TryCreate(input, UriKind.Absolute, out Uri? uri) && !uri.IsFile && uri.Scheme.Length > 1;

    private static string? SniffFile(string path)
    {
        Span<byte> header = stackalloc byte[AudioFormatSniffer.HeaderLength];
        using FileStream file = File.OpenRead(path);
        int read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return AudioFormatSniffer.Detect(header[..read]);
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Background copies end with these when the process is killed; the decode result was already decided.
        }
    }
}
