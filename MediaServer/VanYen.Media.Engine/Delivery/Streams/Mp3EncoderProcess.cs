using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace VanYen.Media.Engine.Delivery.Streams;

/// <summary>
/// One running ffmpeg MP3 encoder: PCM (s16le, 48 kHz, mono) goes into its stdin from a bounded queue, MP3 comes
/// out of its stdout and is handed to a callback (the fan-out to the listeners).
/// </summary>
internal sealed class Mp3EncoderProcess
{
    private const int PcmFrameBytes = 960 * sizeof(short);
    private const int PcmQueueFrames = 50;

    private readonly Process _process;
    private readonly StreamChunkQueue _pcm = new(PcmQueueFrames, PcmFrameBytes);
    private readonly Task _inputPump;
    private readonly Task _outputPump;
    private readonly TimeSpan _stopTimeout;
    private long _framesDropped;

    private Mp3EncoderProcess(Process process, Action<ReadOnlySpan<byte>> onMp3, TimeSpan stopTimeout)
    {
        _process = process;
        _stopTimeout = stopTimeout;
        _inputPump = Task.Run(PumpInputAsync);
        _outputPump = Task.Run(() => PumpOutputAsync(onMp3));
        _ = process.StandardError.ReadToEndAsync();
    }

    /// <summary>PCM frames refused because ffmpeg did not keep up.</summary>
    public long FramesDropped => Interlocked.Read(ref _framesDropped);

    /// <summary>Completes when ffmpeg's output ended (it exited or was killed).</summary>
    public Task Completion => _outputPump;

    public static Mp3EncoderProcess Start(Mp3ClusterStreamOptions options, Action<ReadOnlySpan<byte>> onMp3)
    {
        var startInfo = new ProcessStartInfo(options.FfmpegPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        // Raw PCM in; constant-bitrate mono MP3 out, without ID3 or Xing headers (a live stream has no length), and
        // each packet written as soon as it is encoded.
        string[] arguments =
        [
            "-hide_banner", "-loglevel", "error",
            "-f", "s16le", "-ar", "48000", "-ac", "1", "-i", "pipe:0",
            "-c:a", "libmp3lame", "-b:a", options.Bitrate.ToString(CultureInfo.InvariantCulture), "-ac", "1",
            "-write_xing", "0", "-id3v2_version", "0", "-flush_packets", "1", "-f", "mp3", "pipe:1",
        ];
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException($"ffmpeg could not be started ('{options.FfmpegPath}'): {exception.Message}. Install ffmpeg or set FfmpegPath.", exception);
        }

        ClusterStreamMetrics.EncoderStarted();
        return new Mp3EncoderProcess(process, onMp3, options.StopTimeout);
    }

    /// <summary>Queues one 20 ms PCM frame for ffmpeg; never blocks (a frame ffmpeg has no room for is dropped and counted).</summary>
    public void Write(ReadOnlySpan<short> pcm)
    {
        if (!_pcm.TryEnqueue(MemoryMarshal.AsBytes(pcm)))
        {
            Interlocked.Increment(ref _framesDropped);
        }
    }

    /// <summary>Closes ffmpeg's input, lets it finish, and kills it if it does not exit in time.</summary>
    public async Task StopAsync()
    {
        _pcm.Complete();
        using var timeout = new CancellationTokenSource(_stopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryKill();
        }

        await Task.WhenAll(_inputPump, _outputPump).ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task PumpInputAsync()
    {
        Stream input = _process.StandardInput.BaseStream;
        byte[] frame = new byte[PcmFrameBytes];
        try
        {
            while (await _pcm.WaitAsync().ConfigureAwait(false))
            {
                int length;
                while ((length = _pcm.TryDequeue(frame)) >= 0)
                {
                    await input.WriteAsync(frame.AsMemory(0, length)).ConfigureAwait(false);
                }

                await input.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // ffmpeg went away; the output pump sees it end.
        }
        finally
        {
            try
            {
                input.Close();
            }
            catch (IOException)
            {
                // Already broken.
            }
        }
    }

    private async Task PumpOutputAsync(Action<ReadOnlySpan<byte>> onMp3)
    {
        Stream output = _process.StandardOutput.BaseStream;
        byte[] buffer = new byte[Mp3Listener.MaxChunk];
        try
        {
            int read;
            while ((read = await output.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                onMp3(buffer.AsSpan(0, read));
            }
        }
        catch (IOException)
        {
            // Killed.
        }
    }

    private void TryKill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
