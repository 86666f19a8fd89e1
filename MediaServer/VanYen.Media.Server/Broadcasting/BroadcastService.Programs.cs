using System.Globalization;
using System.Text.Json;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Files;
using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Schedules;

namespace VanYen.Media.Server.Broadcasting;

public sealed partial class BroadcastService
{
    /// <summary>Words per minute when a TTS command gives none: a little slower than espeak-ng's own default, for loudspeakers.</summary>
    public const int DefaultSpeechRate = 165;

    /// <summary>Puts a validated command in the engine as <paramref name="creator"/>.</summary>
    private Task<BroadcastView> StartProgramAsync(string id, User creator, ValidatedCommand validated, string? approvedBy, CancellationToken cancellationToken, string? scheduleId = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        BroadcastCommand command = validated.Command;
        BroadcastProgramRequest request = CreateRequest(id, validated);
        var broadcast = new LiveBroadcast
        {
            Id = id,
            Title = command.Title,
            SourceKind = command.Source.Kind,
            Priority = request.Priority,
            ClusterIds = request.ClusterIds,
            CreatedByUserId = creator.Id,
            CreatedBy = creator.Username,
            ScopeAreaId = creator.ScopeAreaId,
            CreatedAt = _time.GetUtcNow(),
            Recurrence = command.Recurrence,
            ApprovedBy = approvedBy,
        };

        // Registered before the engine sees it: its first events must find it.
        lock (_gate)
        {
            _live[id] = broadcast;
        }

        try
        {
            broadcast.Status = _engine.Start(request);
        }
        catch
        {
            lock (_gate)
            {
                _live.Remove(id);
            }

            throw;
        }

        EnqueueAudit(NewAuditEntry.By(creator, AuditActions.BroadcastStarted) with
        {
            TargetKind = "broadcast",
            TargetId = id,
            AreaId = creator.ScopeAreaId,
            DetailsJson = JsonSerializer.Serialize(new
            {
                title = command.Title,
                source = command.Source.Kind.ToString().ToLowerInvariant(),
                priority = request.Priority.ToString().ToLowerInvariant(),
                clusters = request.ClusterIds,
                repetitions = request.Repetitions,
                chime = request.Chime,
                gainDecibels = request.GainDecibels,
                approvedBy,
                scheduleId,
            }),
        });
        LogStarted(id, command.Title, request.Priority, creator.Username);
        BroadcastView view = ToView(broadcast);
        Changed?.Invoke(this, view);
        return Task.FromResult(view);
    }

    private BroadcastProgramRequest CreateRequest(string id, ValidatedCommand validated)
    {
        BroadcastCommand command = validated.Command;
        bool isLive = command.Source.Kind == BroadcastSourceKind.Live;
        // Library files were normalized to −16 LUFS when imported; everything else (live voice, relays, espeak-ng's
        // speech) is normalized on the fly to the same target, so the speakers play every kind equally loud.
        bool normalize = command.Source.Kind != BroadcastSourceKind.File;
        AudioSourceFactory open = CreateSourceFactory(id, validated);
        TimeSpan? limit = command.Duration;
        AudioSourceFactory factory = limit is { } duration
            ? async (repetition, cancellationToken) => new TimeLimitedSource(await open(repetition, cancellationToken).ConfigureAwait(false), duration)
            : open;
        return new BroadcastProgramRequest
        {
            Id = id,
            Title = command.Title,
            Priority = validated.Priority,
            ClusterIds = validated.ClusterIds,
            CreateSource = factory,
            Repetitions = isLive ? 1 : command.Repetitions,
            GapBetweenRepetitions = isLive ? TimeSpan.Zero : command.Gap,
            // A live emergency chimes too: the console's microphone is listened to only from the program's first read.
            Chime = command.Chime ?? command.Level == BroadcastLevel.Emergency,
            GainDecibels = command.GainDecibels,
            NormalizeLoudness = normalize,
            WhenPreempted = isLive ? PreemptedProgramPolicy.End : PreemptedProgramPolicy.Resume,
        };
    }

    private AudioSourceFactory CreateSourceFactory(string id, ValidatedCommand validated)
    {
        switch (validated.Command.Source.Kind)
        {
            case BroadcastSourceKind.Tts:
            {
                IReadOnlyList<string> sentences = validated.Sentences!;
                TextToSpeechVoice voice = validated.Voice!;
                ITextToSpeechEngine speech = _speech;
                return (_, _) => ValueTask.FromResult<IAudioSource>(new TextToSpeechSource(speech, sentences, voice));
            }

            case BroadcastSourceKind.File:
            {
                string path = validated.FilePath!;
                return (_, _) => ValueTask.FromResult<IAudioSource>(OggOpusFileSource.Open(path));
            }

            case BroadcastSourceKind.Relay:
            {
                IReadOnlyList<string> urls = validated.RelayUrls!;
                string? fallback = validated.FilePath;
                IRelaySourceFactory relays = _relays;
                return (_, cancellationToken) => relays.OpenAsync(id, urls, fallback, cancellationToken);
            }

            case BroadcastSourceKind.Live:
            {
                IAudioSource source = validated.LiveSource ?? throw Invalid("A live broadcast is started with its audio source (StartLiveAsync).");
                int opened = 0;
                return (_, _) => Interlocked.Exchange(ref opened, 1) == 0
                    ? ValueTask.FromResult(source)
                    : throw new InvalidOperationException("A live source plays once.");
            }

            default:
                throw Invalid($"Unknown source kind {validated.Command.Source.Kind}.");
        }
    }

    /// <summary>
    /// Starts a run of a stored broadcast as its creator, re-checking that the creator still exists and still has the
    /// scope, and that it would not preempt a higher scope. Used by the scheduler and by approval.
    /// </summary>
    /// <returns>The started broadcast, or null when it was skipped (audited; with <paramref name="throwOnRefusal"/>, thrown instead).</returns>
    public async Task<BroadcastView?> RunStoredAsync(ScheduledBroadcast stored, DateTimeOffset plannedAt, bool throwOnRefusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        string planned = plannedAt.ToString("O", CultureInfo.InvariantCulture);
        if (stored.State == ScheduledBroadcastState.AwaitingApproval)
        {
            await AppendSystemAsync(AuditActions.ScheduleSkippedUnapproved, stored, new { title = stored.Title, plannedAt = planned, createdBy = stored.CreatedBy }, cancellationToken).ConfigureAwait(false);
            return null;
        }

        User? creator = await _users.GetAsync(stored.CreatedByUserId, cancellationToken).ConfigureAwait(false);
        if (creator is null)
        {
            if (throwOnRefusal)
            {
                throw new DomainConflictException(BroadcastErrors.CreatorGone, $"'{stored.Title}' cannot air: its creator {stored.CreatedBy} no longer exists.");
            }

            await AppendSystemAsync(AuditActions.ScheduleSkipped, stored, new { title = stored.Title, plannedAt = planned, reason = $"its creator {stored.CreatedBy} no longer exists" }, cancellationToken).ConfigureAwait(false);
            return null;
        }

        try
        {
            ValidatedCommand validated = await ValidateAsync(creator, stored.Command, cancellationToken, isRun: true).ConfigureAwait(false);
            CheckNoHigherScopePreempted(creator, validated);
            string id = stored.Recurrence is null ? stored.Id : BroadcastIds.New();
            BroadcastView view = await StartProgramAsync(id, creator, validated, stored.ApprovedBy, cancellationToken, scheduleId: stored.Id).ConfigureAwait(false);
            if (stored.Recurrence is not null || stored.NextRunAt is not null)
            {
                await AppendSystemAsync(AuditActions.ScheduleFired, stored, new { title = stored.Title, plannedAt = planned, broadcastId = id, createdBy = stored.CreatedBy }, cancellationToken).ConfigureAwait(false);
            }

            return view;
        }
        catch (DomainException exception) when (!throwOnRefusal)
        {
            await AppendSystemAsync(AuditActions.ScheduleSkipped, stored, new { title = stored.Title, plannedAt = planned, reason = exception.Message }, cancellationToken).ConfigureAwait(false);
            LogRunSkipped(stored.Id, exception.Message);
            return null;
        }
    }

    /// <summary>Marks a stored broadcast as gone (one-off fired, no next run) and tells the consoles.</summary>
    internal void RaiseScheduleChanged(ScheduledBroadcast stored)
    {
        Changed?.Invoke(this, ToView(stored));
    }

    private Task AppendSystemAsync(string action, ScheduledBroadcast stored, object details, CancellationToken cancellationToken) =>
        _audit.AppendAsync(
            new NewAuditEntry
            {
                Action = action,
                TargetKind = "broadcast",
                TargetId = stored.Id,
                AreaId = stored.ScopeAreaId,
                DetailsJson = JsonSerializer.Serialize(details),
            },
            cancellationToken);

    private static string Details(ScheduledBroadcast stored, ValidatedCommand validated) => JsonSerializer.Serialize(new
    {
        title = stored.Title,
        source = stored.Command.Source.Kind.ToString().ToLowerInvariant(),
        priority = validated.Priority.ToString().ToLowerInvariant(),
        clusters = stored.ClusterIds,
        nextRunAt = stored.NextRunAt?.ToString("O", CultureInfo.InvariantCulture),
        recurrence = stored.Recurrence,
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {Id} '{Title}' started at {Priority} by {User}")]
    private partial void LogStarted(string id, string title, ProgramPriority priority, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled broadcast {Id} skipped: {Reason}")]
    private partial void LogRunSkipped(string id, string reason);
}
