using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.IO.Pipelines;

namespace VanYen.Media.Engine.Sources.Files;

/// <summary>Starting, watching and stopping the ffmpeg process.</summary>
public sealed partial class FfmpegAudioDecoder
{
    private static FfmpegAudioDecoder Start(FfmpegAudioDecoderOptions options, string inputArgument, string? protocolWhitelist, string description, Stream? input, bool leaveInputOpen)
    {
        var startInfo = new ProcessStartInfo(options.FfmpegPath)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        List<string> arguments = ["-hide_banner", "-loglevel", "error"];
        if (input is null)
        {
            arguments.Add("-nostdin");
        }

        if (protocolWhitelist is not null)
        {
            arguments.AddRange(["-protocol_whitelist", protocolWhitelist]);
        }

        if (options.InputFormat is not null)
        {
            arguments.AddRange(["-f", options.InputFormat]);
        }

        // Audio only (cover art and video are ignored), resampled and downmixed to the engine's format.
        arguments.AddRange(["-i", inputArgument, "-vn", "-sn", "-dn", "-f", "s16le", "-acodec", "pcm_s16le", "-ac", "1", "-ar", "48000", "pipe:1"]);
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process = new() { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new AudioDecodeException($"ffmpeg could not be started ('{options.FfmpegPath}'): {exception.Message}. Install ffmpeg or set FfmpegPath.", null, null, null, exception);
        }

        var decoder = new FfmpegAudioDecoder(process, options, description, input, leaveInputOpen) { _inputArgument = inputArgument };
        decoder._errorReader = decoder.ReadErrorsAsync(process.StandardError);
        if (input is not null)
        {
            decoder._inputPump = decoder.PumpInputAsync(input, process.StandardInput.BaseStream, decoder._lifetime.Token);
        }

        return decoder;
    }

    private async ValueTask WaitForFirstOutputAsync(CancellationToken cancellationToken)
    {
        using CancellationTokenRegistration registration = cancellationToken.UnsafeRegister(static state => ((FfmpegAudioDecoder)state!).TryKill(), this);
        try
        {
            ReadResult result = await _output.ReadAsync(cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            bool empty = result.Buffer.IsEmpty && result.IsCompleted;
            // Nothing consumed or examined: the first ReadFrameAsync sees the same bytes at once.
            _output.AdvanceTo(result.Buffer.Start);
            if (empty)
            {
                await EnsureSucceededAsync(cancellationToken).ConfigureAwait(false);
                throw Failure("ffmpeg decoded no audio from", exitCode: 0);
            }
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask EnsureSucceededAsync(CancellationToken cancellationToken)
    {
        if (_succeeded)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ExitTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            TryKill();
            throw Failure("ffmpeg closed its output but did not exit while decoding", exitCode: null);
        }

        // The exit is known; stderr closes with it, so its text is complete once the reader finishes.
        await Quietly(_errorReader).ConfigureAwait(false);
        if (_process.ExitCode != 0)
        {
            throw Failure("ffmpeg could not decode", _process.ExitCode);
        }

        _succeeded = true;
    }

    private AudioDecodeException Failure(string what, int? exitCode)
    {
        string error;
        lock (_error)
        {
            // ffmpeg names the input by the full server path it was given; the message names the file only.
            error = _error.ToString().Trim();
            if (_inputArgument.Length > 0)
            {
                error = error.Replace(_inputArgument, Description, StringComparison.Ordinal);
            }
        }

        string format = _detectedFormat is null ? "no known audio format" : "looks like " + _detectedFormat;
        string reason = error.Length > 0 ? error : exitCode is null or 0 ? "no error reported" : $"exit code {exitCode}";
        if (_inputFailure is not null)
        {
            reason += $" (reading the input failed: {_inputFailure.Message})";
        }

        return new AudioDecodeException($"{what} {Description} ({format}): {reason}", _detectedFormat, error, exitCode, _inputFailure);
    }

    private void TryKill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        catch (Win32Exception)
        {
            // Already exiting; nothing left to stop.
        }
    }

    private async Task ReadErrorsAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (_error)
            {
                // ffmpeg repeats an error per damaged packet: keep the first few kilobytes, which name the problem.
                if (_error.Length < MaxErrorLength)
                {
                    _error.AppendLine(line);
                }
            }
        }
    }

    private async Task PumpInputAsync(Stream input, Stream standardInput, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            bool first = true;
            while (true)
            {
                int read;
                try
                {
                    read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException exception)
                {
                    // ffmpeg sees a truncated input and reports it; the cause is kept for the error message.
                    _inputFailure = exception;
                    break;
                }

                if (read == 0)
                {
                    break;
                }

                if (first)
                {
                    _detectedFormat = AudioFormatSniffer.Detect(buffer.AsSpan(0, read));
                    first = false;
                }

                await standardInput.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // ffmpeg stopped reading (it failed, or has what it needs); its exit code tells which.
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            try
            {
                // Closing standard input is ffmpeg's end of file.
                await standardInput.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The pipe is already broken: ffmpeg has exited.
            }
        }
    }
}
