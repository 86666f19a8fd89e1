using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace VanYen.Media.Engine.Sources.Tts;

/// <summary>
/// Vietnamese speech from espeak-ng: one process per sentence
/// (<c>espeak-ng -b 1 -v VOICE -s RATE -p PITCH --stdout</c>, text on stdin in UTF-8), its WAV output
/// read through a <see cref="PipeReader"/> and resampled from 22 050 Hz to 48 kHz.
/// </summary>
/// <remarks>
/// A process lives only as long as its sentence; on cancellation (a cancelled bulletin, a disposed
/// source) it is killed at once. Thread-safe: concurrent calls run separate processes.
/// </remarks>
public sealed class EspeakTextToSpeechEngine : ITextToSpeechEngine
{
    /// <summary>The executable looked up on PATH when no path is given.</summary>
    public const string DefaultExecutable = "espeak-ng";

    private static readonly UTF8Encoding Utf8WithoutMark = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _executable;
    private readonly Lazy<Task<HashSet<string>>> _installedVoices;
    private long _processStartCount;

    /// <summary>Creates an engine that runs <paramref name="executable"/> (a name on PATH or a full path).</summary>
    public EspeakTextToSpeechEngine(string executable = DefaultExecutable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        _executable = executable;
        _installedVoices = new Lazy<Task<HashSet<string>>>(ListVoicesAsync);
    }

    /// <summary>espeak-ng's Vietnamese voices: northern (standard), central, southern.</summary>
    public static IReadOnlyList<string> VietnameseVoices { get; } = ["vi", "vi-vn-x-central", "vi-vn-x-south"];

    /// <inheritdoc />
    public string Name => "espeak-ng";

    /// <summary>espeak-ng processes started so far (for metrics and to prove a cache hit runs none).</summary>
    public long ProcessStartCount => Interlocked.Read(ref _processStartCount);

    /// <inheritdoc />
    public async Task<SynthesizedSpeech> SynthesizeAsync(string text, TextToSpeechVoice voice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        ValidateVoiceName(voice.Name);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(text))
        {
            return SynthesizedSpeech.Copy([]);
        }

        await EnsureVoiceInstalledAsync(voice.Name, cancellationToken).ConfigureAwait(false);
        using Process process = StartProcess(voice);
        try
        {
            Task<string> errorOutput = process.StandardError.ReadToEndAsync(cancellationToken);
            Task input = WriteInputAsync(process, text, cancellationToken);
            PipeReader reader = PipeReader.Create(process.StandardOutput.BaseStream);
            SynthesizedSpeech? speech = null;
            InvalidDataException? badOutput = null;
            try
            {
                speech = await WavSpeechDecoder.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException exception)
            {
                badOutput = exception;
            }
            finally
            {
                await reader.CompleteAsync().ConfigureAwait(false);
            }

            try
            {
                await input.ConfigureAwait(false);
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                string errors = (await errorOutput.ConfigureAwait(false)).Trim();
                if (process.ExitCode != 0)
                {
                    throw new TextToSpeechException(
                        $"{_executable} failed with exit code {process.ExitCode} for voice '{voice.Name}': {(errors.Length > 0 ? errors : "no error message")}");
                }

                if (badOutput is not null)
                {
                    throw new TextToSpeechException($"{_executable} (voice '{voice.Name}') wrote unusable audio: {badOutput.Message}. {errors}".TrimEnd(), badOutput);
                }

                return speech!;
            }
            catch
            {
                speech?.Dispose();
                throw;
            }
        }
        finally
        {
            Stop(process);
        }
    }

    /// <summary>The voice names, file names and languages espeak-ng lists (<c>espeak-ng --voices</c>), lower case.</summary>
    /// <exception cref="TextToSpeechException">espeak-ng could not be run.</exception>
    public Task<HashSet<string>> GetInstalledVoicesAsync() => _installedVoices.Value;

    // espeak-ng quietly falls back to a language prefix ("vi-vn-x-nowhere" speaks as "vi"), so an
    // operator's typo would go unnoticed: names are checked against the installed list instead.
    private async Task EnsureVoiceInstalledAsync(string name, CancellationToken cancellationToken)
    {
        HashSet<string> voices = await GetInstalledVoicesAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        int variant = name.IndexOf('+', StringComparison.Ordinal);
        string baseName = variant >= 0 ? name[..variant] : name;
        if (!voices.Contains(baseName.ToLowerInvariant()))
        {
            throw new TextToSpeechException(
                $"{_executable} has no voice '{name}'. Vietnamese voices: {string.Join(", ", VietnameseVoices)}.");
        }
    }

    private async Task<HashSet<string>> ListVoicesAsync()
    {
        var startInfo = new ProcessStartInfo(_executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add("--voices");
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new TextToSpeechException(
                $"Could not start '{_executable}' ({exception.Message}): install espeak-ng (Debian package 'espeak-ng') or configure the path to it.", exception);
        }

        try
        {
            process.StandardInput.Close();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            string listing = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            await errors.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new TextToSpeechException($"'{_executable} --voices' failed with exit code {process.ExitCode}.");
            }

            // Columns: Pty Language Age/Gender VoiceName File Other-languages; the header line is skipped.
            var voices = new HashSet<string>(StringComparer.Ordinal);
            foreach (string line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length < 5 || columns[0] == "Pty")
                {
                    continue;
                }

                voices.Add(columns[1].ToLowerInvariant());
                voices.Add(columns[3].ToLowerInvariant());
                string file = columns[4];
                voices.Add(file.ToLowerInvariant());
                voices.Add(file[(file.LastIndexOf('/') + 1)..].ToLowerInvariant());
            }

            return voices;
        }
        finally
        {
            Stop(process);
        }
    }

    private static void ValidateVoiceName(string name)
    {
        // A leading '-' would read as an option.
        if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            throw new ArgumentException($"'{name}' is not a voice name: it must start with a letter or digit.", nameof(name));
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '+' or '_' or '/'))
            {
                throw new ArgumentException($"'{name}' is not a voice name (letters, digits, '-', '+', '_', '/').", nameof(name));
            }
        }
    }

    private static async Task WriteInputAsync(Process process, string text, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // espeak-ng exited early (a bad voice): its exit code and message say why.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Same early exit: nothing left to close.
            }
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (Win32Exception)
        {
            // Exiting as we asked: nothing to kill.
        }
    }

    private Process StartProcess(TextToSpeechVoice voice)
    {
        var startInfo = new ProcessStartInfo(_executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardInputEncoding = Utf8WithoutMark,
            StandardErrorEncoding = Encoding.UTF8,
        };

        // "-b 1": the input is UTF-8, whatever the locale of the server.
        startInfo.ArgumentList.Add("-b");
        startInfo.ArgumentList.Add("1");
        startInfo.ArgumentList.Add("-v");
        startInfo.ArgumentList.Add(voice.Name);
        startInfo.ArgumentList.Add("-s");
        startInfo.ArgumentList.Add(voice.Rate.ToString(CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add("-p");
        startInfo.ArgumentList.Add(voice.Pitch.ToString(CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add("--stdout");
        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new TextToSpeechException(
                $"Could not start '{_executable}' ({exception.Message}): install espeak-ng (Debian package 'espeak-ng') or configure the path to it.", exception);
        }

        Interlocked.Increment(ref _processStartCount);
        return process;
    }
}
