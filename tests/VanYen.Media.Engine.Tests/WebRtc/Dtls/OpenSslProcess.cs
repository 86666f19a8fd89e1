using System.Collections.Concurrent;
using System.Diagnostics;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

/// <summary>
/// Runs <c>/usr/bin/openssl</c> as a real DTLS peer: stdin stays open (s_client and s_server quit on EOF or "Q"),
/// stdout and stderr are collected line by line, and disposing kills it.
/// </summary>
internal sealed class OpenSslProcess : IDisposable
{
    public const string Executable = "/usr/bin/openssl";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private OpenSslProcess(Process process)
    {
        _process = process;
    }

    public string Output => string.Join('\n', _lines);

    public static OpenSslProcess Start(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var openssl = new OpenSslProcess(process);
        process.OutputDataReceived += (_, e) => openssl.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => openssl.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return openssl;
    }

    /// <summary>Waits for the first line containing <paramref name="marker"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(string marker, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            foreach (string line in _lines)
            {
                if (line.Contains(marker, StringComparison.Ordinal))
                {
                    return line;
                }
            }

            try
            {
                await _lineArrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"openssl printed no line with '{marker}' within {timeout}. Output:\n{Output}");
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        _lineArrived.Release();
    }
}
