using System.Diagnostics;
using System.Text.RegularExpressions;

namespace VanYen.Media.Tests.Shared;

/// <summary>
/// The real server as a separate process (the same dll <c>./vanyen run</c> starts),
/// on loopback with free ports and a throw-away data folder.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<(Uri Url, string Fingerprint)> _https = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private ServerProcess(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public Uri Url => _url.Task.IsCompletedSuccessfully ? _url.Task.Result : throw new InvalidOperationException("not started");

    public int ProcessId => _process.Id;

    /// <summary>The HTTPS address (device login), once the server printed it.</summary>
    public Uri HttpsUrl => _https.Task.IsCompletedSuccessfully ? _https.Task.Result.Url : throw new InvalidOperationException("no HTTPS address printed (yet)");

    /// <summary>SHA-256 fingerprint of the server's HTTPS certificate as printed ("AB:CD:…").</summary>
    public string HttpsCertificateSha256 => _https.Task.IsCompletedSuccessfully ? _https.Task.Result.Fingerprint : throw new InvalidOperationException("no HTTPS address printed (yet)");

    /// <summary>Waits until the server printed its HTTPS address (it prints it right after its HTTP one).</summary>
    public async Task<Uri> WaitForHttpsUrlAsync()
    {
        var https = await _https.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return https.Url;
    }

    public Process Process => _process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static async Task<ServerProcess> StartAsync(string? dataDirectory = null, params string[] extraArguments)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("vanyen-server-").FullName;
        // A test run started in the background inherits SIGINT ignored (POSIX shells do that for background jobs),
        // and .NET keeps an ignored signal ignored: env(1) puts the default back, then execs dotnet (same pid).
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VanYen.Media.Server.dll"));
        foreach (string argument in new[]
        {
            "--urls", "http://127.0.0.1:0",
            "--VanYen:DataDirectory=" + dataDirectory,
            "--VanYen:WebRtcPort=0",
            "--VanYen:RtpPort=0",
            "--VanYen:MediaBindAddress=127.0.0.1",
            "--VanYen:HttpsPort=0",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process, dataDirectory);
        process.OutputDataReceived += (_, line) => server.OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => server.OnLine(line.Data);
        process.Exited += (_, _) =>
        {
            server._url.TrySetException(new InvalidOperationException("server exited before it printed its URL:\n" + server.Output));
            server._https.TrySetException(new InvalidOperationException("server exited before it printed its HTTPS URL:\n" + server.Output));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await server._url.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Sends SIGINT, as Ctrl+C does, and returns the exit code.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException exception)
        {
            throw new TimeoutException($"The server did not stop within {timeout.TotalSeconds} s of SIGINT. Its output:\n{Output}", exception);
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        var match = OpenUrlPattern().Match(line);
        if (match.Success)
        {
            _url.TrySetResult(new Uri(match.Groups[1].Value));
        }

        var https = HttpsUrlPattern().Match(line);
        if (https.Success)
        {
            _https.TrySetResult((new Uri(https.Groups[1].Value), https.Groups[2].Value));
        }
    }

    [GeneratedRegex(@"Open (http://\S+)")]
    private static partial Regex OpenUrlPattern();

    [GeneratedRegex(@"Device login \(HTTPS\): (https://\S+) certificate SHA-256 ([0-9A-F:]+)")]
    private static partial Regex HttpsUrlPattern();
}
