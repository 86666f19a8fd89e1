using System.Threading.Channels;
using Microsoft.Extensions.Options;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Sources.Files;
using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Server.Broadcasting;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Library;
using VanYen.Media.Server.Schedules;

namespace VanYen.Media.Server.Devices;

/// <summary>
/// Store and forward: pushes each one-off scheduled TTS or file bulletin to its clusters' devices ahead of its start,
/// so a device whose network drops at air time still plays it (and confirms when it is back).
/// </summary>
/// <remarks>
/// <para>
/// When a one-off TTS/file bulletin becomes <see cref="BroadcastState.Scheduled"/> with a start in the future (created,
/// or approved), the text is rendered to <c>data/prepared/&lt;id&gt;.opus</c> (espeak-ng, then the library importer's
/// Ogg Opus at −16 LUFS) or the library item's file is used, and it is pushed as prepared program <c>id</c> with its
/// start time. A one-off runs on air under the same id as its schedule, so the device knows the live stream and its
/// local copy are the same bulletin.
/// </para>
/// <para>
/// The rule against double audio, on the device: while the cluster's live program (announced by NowPlaying) is a
/// program the device holds a local copy of, the device plays its copy and drops the live frames; the server still
/// starts the program live as usual, for devices that did not get the copy. A cancelled schedule, or a bulletin
/// cancelled while on air, is withdrawn (CancelPrepared) so the devices stop too.
/// </para>
/// <para>
/// Not prepared: recurrences, relays and live sources. The local copy is one play of the source without the chime,
/// repetitions or gain of the live program. Work runs on one background task, never on the caller's thread.
/// </para>
/// </remarks>
public sealed partial class PreparedProgramPublisher : BackgroundService
{
    /// <summary>The folder under the data directory where rendered bulletins are kept until they are withdrawn.</summary>
    public const string FolderName = "prepared";

    private readonly IBroadcastService _broadcasts;
    private readonly IBroadcastScheduleStore _schedules;
    private readonly IDeviceControl _devices;
    private readonly IAudioLibrary _library;
    private readonly ITextToSpeechEngine _speech;
    private readonly ITtsAbbreviationRepository _abbreviations;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<PreparedProgramPublisher> _logger;
    private readonly string _folder;
    private readonly Channel<WorkItem> _work = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<string> _pushed = new(StringComparer.Ordinal);

    /// <summary>Subscribes to <paramref name="broadcasts"/> at once, so no bulletin created before the host starts is missed.</summary>
    public PreparedProgramPublisher(
        IBroadcastService broadcasts,
        IBroadcastScheduleStore schedules,
        IDeviceControl devices,
        IAudioLibrary library,
        ITextToSpeechEngine speech,
        ITtsAbbreviationRepository abbreviations,
        IOptions<MediaServerOptions> options,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<PreparedProgramPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(broadcasts);
        ArgumentNullException.ThrowIfNull(options);
        _broadcasts = broadcasts;
        _schedules = schedules;
        _devices = devices;
        _library = library;
        _speech = speech;
        _abbreviations = abbreviations;
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
        _folder = Path.Combine(options.Value.DataDirectoryFullPath, FolderName);
        _broadcasts.Changed += OnBroadcastChanged;
    }

    /// <summary>Raised after a bulletin was pushed to the devices (tests wait on it).</summary>
    public event EventHandler<string>? Pushed;

    /// <inheritdoc />
    public override void Dispose()
    {
        _broadcasts.Changed -= OnBroadcastChanged;
        _work.Writer.TryComplete();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await EnqueueStoredAsync(stoppingToken).ConfigureAwait(false);

            await foreach (WorkItem item in _work.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    if (item.Withdraw)
                    {
                        await WithdrawAsync(item.Id, stoppingToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await PrepareAsync(item.Id, stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(exception, item.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// Bulletins scheduled before a restart: the devices may have lost them and the server's table of prepared programs
    /// is empty. Read once the host has started (the database is migrated and seeded by then).
    /// </summary>
    private async Task EnqueueStoredAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        try
        {
            foreach (ScheduledBroadcast stored in await _schedules.GetPendingAsync(stoppingToken).ConfigureAwait(false))
            {
                _work.Writer.TryWrite(new WorkItem(stored.Id, Withdraw: false));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, "(stored schedules)");
        }
    }

    private void OnBroadcastChanged(object? sender, BroadcastView view)
    {
        bool prepare = view.State == BroadcastState.Scheduled
            && view.Recurrence is null
            && view.NextRunAt is not null
            && view.SourceKind is BroadcastSourceKind.Tts or BroadcastSourceKind.File;
        bool withdraw = view.State == BroadcastState.Ended
            && view.EndReason is null or ProgramEndReason.Cancelled or ProgramEndReason.Preempted;
        if (prepare || withdraw)
        {
            _work.Writer.TryWrite(new WorkItem(view.Id, Withdraw: withdraw));
        }
    }

    private async Task PrepareAsync(string id, CancellationToken cancellationToken)
    {
        if (_pushed.Contains(id))
        {
            return;
        }

        ScheduledBroadcast? stored = await _schedules.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is not { State: ScheduledBroadcastState.Scheduled, Recurrence: null, NextRunAt: { } startAt }
            || startAt <= _time.GetUtcNow()
            || stored.Command.Source.Kind is not (BroadcastSourceKind.Tts or BroadcastSourceKind.File))
        {
            return;
        }

        string path = stored.Command.Source.Kind == BroadcastSourceKind.File
            ? _library.GetFilePath(stored.Command.Source.LibraryItemId ?? throw new InvalidOperationException($"File bulletin {id} names no library item."))
            : await RenderAsync(stored, cancellationToken).ConfigureAwait(false);

        // It may have been cancelled while rendering; the withdrawal queued behind this item then finds nothing pushed.
        ScheduledBroadcast? now = await _schedules.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (now is not { State: ScheduledBroadcastState.Scheduled })
        {
            DeleteRendered(id);
            return;
        }

        await _devices.PushPreparedProgramAsync(stored.ClusterIds.ToArray(), id, stored.Title, path, startAt, cancellationToken).ConfigureAwait(false);
        _pushed.Add(id);
        LogPushed(id, stored.Title, startAt);
        Pushed?.Invoke(this, id);
    }

    private async Task<string> RenderAsync(ScheduledBroadcast stored, CancellationToken cancellationToken)
    {
        BroadcastSource source = stored.Command.Source;
        string voiceName = source.Voice ?? "vi";
        var voice = new TextToSpeechVoice
        {
            Name = voiceName,
            Rate = source.Rate ?? BroadcastService.DefaultSpeechRate,
            Pitch = source.Pitch ?? TextToSpeechVoice.DefaultPitch,
        };

        // The same normalization as the live program (the users' abbreviations, the south's number words).
        var table = new List<KeyValuePair<string, string>>();
        foreach (TtsAbbreviation abbreviation in await _abbreviations.GetAllAsync(cancellationToken).ConfigureAwait(false))
        {
            table.Add(KeyValuePair.Create(abbreviation.Abbreviation, abbreviation.Expansion));
        }

        VietnameseDialect dialect = voiceName == "vi-vn-x-south" ? VietnameseDialect.Southern : VietnameseDialect.Northern;
        var renderer = new TextToSpeechRenderer(_speech, new VietnameseTextNormalizer(table, dialect));
        byte[] wav = await renderer.RenderWavAsync(source.Text ?? string.Empty, voice, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(_folder);
        string path = RenderedPath(stored.Id);
        using var input = new MemoryStream(wav, writable: false);
        await new AudioFileImporter().ImportAsync(input, path, cancellationToken).ConfigureAwait(false);
        return path;
    }

    private async Task WithdrawAsync(string id, CancellationToken cancellationToken)
    {
        if (!_pushed.Remove(id))
        {
            return;
        }

        await _devices.CancelPreparedAsync(id, cancellationToken).ConfigureAwait(false);
        DeleteRendered(id);
        LogWithdrawn(id);
    }

    private void DeleteRendered(string id)
    {
        string path = RenderedPath(id);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string RenderedPath(string id) => Path.Combine(_folder, id + ".opus");

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulletin {Id} '{Title}' pushed to its devices for {StartAt}")]
    private partial void LogPushed(string id, string title, DateTimeOffset startAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulletin {Id} withdrawn from its devices")]
    private partial void LogWithdrawn(string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bulletin {Id} could not be prepared for or withdrawn from the devices")]
    private partial void LogFailed(Exception exception, string id);

    private readonly record struct WorkItem(string Id, bool Withdraw);
}
