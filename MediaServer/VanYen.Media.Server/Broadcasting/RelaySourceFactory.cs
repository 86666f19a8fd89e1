using System.Text.Json;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;
using VanYen.Media.Relay.Sources;
using VanYen.Media.Server.Audit;

namespace VanYen.Media.Server.Broadcasting;

/// <summary>
/// Opens relays as <see cref="RelaySource"/>s (failure, stall and dead-air detection, retries, alternate URLs, then
/// the fallback library file) and turns their transitions into log lines and audit entries: "relay.failed" for a
/// failure, stall or dead air, "relay.fell-back" when the fallback file takes over, and "relay.gave-up" (the alert)
/// when the relay ends without its stream.
/// </summary>
public sealed partial class RelaySourceFactory : IRelaySourceFactory
{
    private readonly RelayOptions _options;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<RelaySourceFactory> _logger;

    /// <summary>Creates the factory; every relay it opens uses <paramref name="options"/>.</summary>
    public RelaySourceFactory(RelayOptions options, IAuditLog audit, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _audit = audit;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<RelaySourceFactory>();
    }

    /// <inheritdoc />
    /// <remarks>Nothing is opened here: the relay connects on its first read, and never throws for a bad stream (it falls back or ends).</remarks>
    public ValueTask<IAudioSource> OpenAsync(string broadcastId, IReadOnlyList<string> urls, string? fallbackFilePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcastId);
        ArgumentNullException.ThrowIfNull(urls);
        var parsed = new List<Uri>(urls.Count);
        foreach (string url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri))
            {
                throw new AudioDecodeException($"The relay URL '{WithoutQuery(url)}' is not an absolute URL.");
            }

            parsed.Add(uri);
        }

        if (parsed.Count == 0)
        {
            throw new AudioDecodeException("A relay needs at least one URL.");
        }

        var source = new RelaySource(
            new RelaySourceOptions
            {
                Urls = parsed,
                Fallback = fallbackFilePath is null ? null : _ => ValueTask.FromResult<IAudioSource>(OggOpusFileSource.Open(fallbackFilePath)),
                SilenceThresholdDbfs = _options.SilenceThresholdDbfs,
                SilenceTimeout = _options.SilenceTimeout,
                RetriesPerUrl = _options.RetriesPerUrl,
                RetryDelay = _options.RetryDelay,
                StallTimeout = _options.StallTimeout,
                RetriesRestoredAfter = _options.RetriesRestoredAfter,
            },
            _timeProvider,
            _loggerFactory.CreateLogger<RelaySource>());
        source.Transition += (_, transition) => OnTransition(broadcastId, transition);
        return ValueTask.FromResult<IAudioSource>(source);
    }

    private void OnTransition(string broadcastId, RelayTransition transition)
    {
        string url = transition.Url is null ? "" : WithoutQuery(transition.Url.ToString());
        string? action = transition.Kind switch
        {
            RelayTransitionKind.Failed or RelayTransitionKind.Stalled or RelayTransitionKind.Silent => AuditActions.RelayFailed,
            RelayTransitionKind.FellBackToFile => AuditActions.RelayFellBack,
            RelayTransitionKind.GaveUp => AuditActions.RelayGaveUp,
            _ => null,
        };
        if (transition.Kind == RelayTransitionKind.GaveUp)
        {
            LogGaveUp(broadcastId, url, transition.Reason);
        }
        else if (action is not null)
        {
            LogTrouble(broadcastId, transition.Kind, url, transition.Reason);
        }
        else
        {
            LogStep(broadcastId, transition.Kind, url, transition.Reason);
        }

        if (action is not null)
        {
            _ = AppendAuditAsync(broadcastId, action, transition, url);
        }
    }

    /// <summary>Runs off the relay's task: a slow or failing audit log must not stall the stream.</summary>
    private async Task AppendAuditAsync(string broadcastId, string action, RelayTransition transition, string url)
    {
        try
        {
            await _audit.AppendAsync(new NewAuditEntry
            {
                Action = action,
                TargetKind = "broadcast",
                TargetId = broadcastId,
                DetailsJson = JsonSerializer.Serialize(new
                {
                    kind = transition.Kind.ToString(),
                    url = url.Length == 0 ? null : url,
                    reason = transition.Reason,
                }),
            }).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogAuditFailed(exception, broadcastId, action);
        }
    }

    /// <summary>A URL without its query and fragment, which may carry a station's access token.</summary>
    private static string WithoutQuery(string url)
    {
        int cut = url.IndexOfAny(['?', '#']);
        return cut < 0 ? url : url[..cut];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId}: relay {Kind} {Url}: {Reason}")]
    private partial void LogStep(string broadcastId, RelayTransitionKind kind, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId}: relay {Kind} {Url}: {Reason}")]
    private partial void LogTrouble(string broadcastId, RelayTransitionKind kind, string url, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broadcast {BroadcastId}: relay gave up ({Url}): {Reason}")]
    private partial void LogGaveUp(string broadcastId, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast {BroadcastId}: the audit entry {Action} could not be written")]
    private partial void LogAuditFailed(Exception exception, string broadcastId, string action);
}
