using Microsoft.Extensions.Logging;

namespace VanYen.Media.ReceiverAgent;

/// <summary>
/// The reference receiver as a command:
/// <c>--server https://host:port --device-id ID --secret SECRET [--pin-sha256 FINGERPRINT | --insecure-skip-verify] (--output-wav FILE | --aplay)</c>.
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: VanYen.Media.ReceiverAgent --server https://host:port --device-id ID --secret SECRET "
        + "[--pin-sha256 FINGERPRINT | --insecure-skip-verify] (--output-wav FILE | --aplay)";

    public static async Task<int> Main(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--insecure-skip-verify" or "--aplay")
            {
                flags.Add(args[i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                return Fail($"unexpected argument '{args[i]}'");
            }
        }

        if (!values.TryGetValue("--server", out string? server) || !Uri.TryCreate(server, UriKind.Absolute, out Uri? serverUri) || serverUri.Scheme != Uri.UriSchemeHttps)
        {
            return Fail("--server must be an https:// address");
        }

        if (!values.TryGetValue("--device-id", out string? deviceId) || !values.TryGetValue("--secret", out string? secret))
        {
            return Fail("--device-id and --secret are required");
        }

        bool aplay = flags.Contains("--aplay");
        values.TryGetValue("--output-wav", out string? wavPath);
        if (aplay == (wavPath is not null))
        {
            return Fail("give exactly one of --output-wav FILE and --aplay");
        }

        var logger = new ConsoleLogger(LogLevel.Information);
        IAgentAudioOutput output = aplay ? new AplayOutput() : new WavFileOutput(wavPath!);
        var options = new ReceiverAgentOptions
        {
            Server = serverUri,
            DeviceId = deviceId,
            Secret = secret,
            PinSha256 = values.GetValueOrDefault("--pin-sha256"),
            InsecureSkipVerify = flags.Contains("--insecure-skip-verify"),
        };

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        await using var agent = new ReceiverAgent(options, output, logger);
        agent.PlaybackConfirmed += (_, confirmation) => Console.WriteLine($"{confirmation.Event} {confirmation.ProgramId} at {confirmation.At:O}");
        try
        {
            await agent.StartAsync(stop.Token);
        }
        catch (HttpRequestException exception)
        {
            return Fail(exception.Message);
        }

        Console.WriteLine($"Receiver {deviceId} on cluster {agent.Login!.ClusterId}: playing. Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
