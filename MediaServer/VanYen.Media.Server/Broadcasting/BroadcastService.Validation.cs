using System.Globalization;
using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Sources;
using VanYen.Media.Engine.Sources.Tts;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Library;
using VanYen.Media.Server.Schedules;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Broadcasting;

public sealed partial class BroadcastService
{
    private static readonly string[] s_relaySchemes = ["http", "https", "rtp", "rtsp", "rtmp", "udp", "srt", "icecast"];

    /// <summary>Checks fields (400), resolves targets (404) and scope (403); for a run of a stored one, time fields are not checked again.</summary>
    private async Task<ValidatedCommand> ValidateAsync(User caller, BroadcastCommand command, CancellationToken cancellationToken, bool isRun = false)
    {
        string title = DomainValidation.Name(command.Title, "title");
        if (command.Source is null)
        {
            throw Invalid("The source is required.");
        }

        bool isEmergency = command.Level == BroadcastLevel.Emergency;
        if (command.Repetitions is null && !isEmergency)
        {
            throw Invalid("Repeating until cancelled (no repetition count) is for emergency bulletins only.");
        }

        if (command.Repetitions is { } repetitions && (repetitions < 1 || repetitions > BroadcastLimits.MaxRepetitions))
        {
            throw Invalid($"repetitions must be 1 to {BroadcastLimits.MaxRepetitions} (got {repetitions}).");
        }

        if (command.Gap < TimeSpan.Zero || command.Gap > BroadcastLimits.MaxGap)
        {
            throw Invalid($"gap must be 0 to {BroadcastLimits.MaxGap.TotalMinutes} minutes (got {command.Gap}).");
        }

        if (!double.IsFinite(command.GainDecibels) || command.GainDecibels < BroadcastProgramRequest.MinGainDecibels || command.GainDecibels > BroadcastProgramRequest.MaxGainDecibels)
        {
            throw Invalid($"gainDecibels must be {BroadcastProgramRequest.MinGainDecibels} to +{BroadcastProgramRequest.MaxGainDecibels} dB (got {command.GainDecibels.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (command.Duration is { } duration && (duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(24)))
        {
            throw Invalid($"duration must be more than 0 and at most 24 hours (got {duration}).");
        }

        DateTimeOffset? firstRunAt = isRun ? null : FirstRun(command);

        AreaTree tree = await _areas.GetTreeAsync(cancellationToken).ConfigureAwait(false);
        var policy = new ScopePolicy(tree);
        IReadOnlyList<Cluster> clusters = await ResolveTargetsAsync(caller, command, tree, policy, cancellationToken).ConfigureAwait(false);

        var validated = new ValidatedCommand(command with { Title = title }, clusters, tree, policy, firstRunAt);
        return command.Source.Kind switch
        {
            BroadcastSourceKind.Tts => await ValidateSpeechAsync(validated, cancellationToken).ConfigureAwait(false),
            BroadcastSourceKind.File => validated with
            {
                FilePath = await FindLibraryFileAsync(caller, command.Source.LibraryItemId ?? throw Invalid("A file bulletin needs libraryItemId."), cancellationToken).ConfigureAwait(false),
            },
            BroadcastSourceKind.Relay => validated with
            {
                RelayUrls = ValidateRelayUrls(command.Source.RelayUrls),
                FilePath = command.Source.FallbackLibraryItemId is { } fallback
                    ? await FindLibraryFileAsync(caller, fallback, cancellationToken).ConfigureAwait(false)
                    : null,
            },
            BroadcastSourceKind.Live => validated,
            _ => throw Invalid($"Unknown source kind {command.Source.Kind}."),
        };
    }

    private DateTimeOffset? FirstRun(BroadcastCommand command)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (command.StartAt is { } startAt && startAt < now - StartTolerance)
        {
            throw new DomainValidationException(
                BroadcastErrors.StartInPast,
                $"The start time {startAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)} is in the past.");
        }

        if (command.Recurrence is null)
        {
            return command.StartAt is { } at && at > now ? at : null;
        }

        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(command.Recurrence);
        }
        catch (FormatException exception)
        {
            throw new DomainValidationException(BroadcastErrors.InvalidRecurrence, exception.Message, exception);
        }

        // The first run is at or after the start time, when one is given.
        DateTimeOffset after = command.StartAt is { } start && start > now ? start.AddTicks(-1) : now;
        return cron.Next(after, BroadcastTimeZone.Vietnam)
            ?? throw new DomainValidationException(BroadcastErrors.InvalidRecurrence, $"The recurrence '{command.Recurrence}' never fires.");
    }

    private async Task<IReadOnlyList<Cluster>> ResolveTargetsAsync(User caller, BroadcastCommand command, AreaTree tree, ScopePolicy policy, CancellationToken cancellationToken)
    {
        var clusters = new List<Cluster>();
        var seen = new HashSet<long>();
        foreach (long clusterId in command.ClusterIds ?? [])
        {
            Cluster cluster = await _clusters.GetAsync(clusterId, cancellationToken).ConfigureAwait(false)
                ?? throw new DomainNotFoundException(BroadcastErrors.UnknownCluster, $"Unknown cluster {clusterId}.");
            if (seen.Add(cluster.Id))
            {
                clusters.Add(cluster);
            }
        }

        foreach (long areaId in command.AreaIds ?? [])
        {
            if (tree.Find(areaId) is null)
            {
                throw new DomainNotFoundException(BroadcastErrors.UnknownArea, $"Unknown area {areaId}.");
            }

            foreach (Cluster cluster in await _clusters.GetInAreaAsync(areaId, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(cluster.Id))
                {
                    clusters.Add(cluster);
                }
            }
        }

        if (clusters.Count == 0)
        {
            throw new DomainValidationException(BroadcastErrors.NoTargets, "The broadcast targets no cluster: give clusterIds, or areaIds that hold clusters.");
        }

        foreach (Cluster cluster in clusters)
        {
            if (!policy.CanActOnCluster(caller, cluster))
            {
                string area = tree.Find(cluster.AreaId)?.Name ?? $"area {cluster.AreaId}";
                throw new DomainForbiddenException(
                    BroadcastErrors.OutsideScope,
                    $"{caller.Username} ({caller.Role.ToString().ToLowerInvariant()}) may not broadcast to cluster {cluster.Name} (#{cluster.Id}) in {area}.");
            }
        }

        return clusters;
    }

    private async Task<ValidatedCommand> ValidateSpeechAsync(ValidatedCommand validated, CancellationToken cancellationToken)
    {
        BroadcastSource source = validated.Command.Source;
        if (string.IsNullOrWhiteSpace(source.Text))
        {
            throw Invalid("A TTS bulletin needs text.");
        }

        if (source.Text.Length > BroadcastLimits.MaxTextLength)
        {
            throw new DomainValidationException(BroadcastErrors.TextTooLong, $"text too long ({source.Text.Length} > {BroadcastLimits.MaxTextLength})");
        }

        string voiceName = source.Voice ?? "vi";
        if (!EspeakTextToSpeechEngine.VietnameseVoices.Contains(voiceName, StringComparer.Ordinal))
        {
            throw Invalid($"Unknown voice '{voiceName}': use {string.Join(", ", EspeakTextToSpeechEngine.VietnameseVoices)}.");
        }

        int rate = source.Rate ?? DefaultSpeechRate;
        if (rate < TextToSpeechVoice.MinimumRate || rate > TextToSpeechVoice.MaximumRate)
        {
            throw Invalid($"rate must be {TextToSpeechVoice.MinimumRate} to {TextToSpeechVoice.MaximumRate} words per minute (got {rate}).");
        }

        int pitch = source.Pitch ?? TextToSpeechVoice.DefaultPitch;
        if (pitch is < 0 or > 99)
        {
            throw Invalid($"pitch must be 0 to 99 (got {pitch}).");
        }

        var voice = new TextToSpeechVoice { Name = voiceName, Rate = rate, Pitch = pitch };
        VietnameseTextNormalizer normalizer = await CreateNormalizerAsync(voiceName, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> sentences = normalizer.NormalizeSentences(source.Text);
        if (sentences.Count == 0)
        {
            throw Invalid("The text has nothing to read out.");
        }

        return validated with { Sentences = sentences, Voice = voice };
    }

    /// <summary>The normalizer with the users' abbreviation table, and the south's number words for the southern voice.</summary>
    private async Task<VietnameseTextNormalizer> CreateNormalizerAsync(string voiceName, CancellationToken cancellationToken)
    {
        var table = new List<KeyValuePair<string, string>>();
        foreach (TtsAbbreviation abbreviation in await _abbreviations.GetAllAsync(cancellationToken).ConfigureAwait(false))
        {
            table.Add(KeyValuePair.Create(abbreviation.Abbreviation, abbreviation.Expansion));
        }

        VietnameseDialect dialect = voiceName == "vi-vn-x-south" ? VietnameseDialect.Southern : VietnameseDialect.Northern;
        return new VietnameseTextNormalizer(table, dialect);
    }

    private async Task<string> FindLibraryFileAsync(User caller, long itemId, CancellationToken cancellationToken)
    {
        LibraryItem item = await _library.GetAsync(caller, itemId, cancellationToken).ConfigureAwait(false);
        return _library.GetFilePath(item.Id);
    }

    private static IReadOnlyList<string> ValidateRelayUrls(IReadOnlyList<string>? urls)
    {
        if (urls is null || urls.Count == 0)
        {
            throw Invalid("A relay needs at least one URL.");
        }

        foreach (string url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || !s_relaySchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
            {
                throw Invalid($"'{url}' is not a relay URL: use {string.Join(", ", s_relaySchemes)}.");
            }
        }

        return urls;
    }

    /// <summary>
    /// A caller cannot preempt what a higher scope put on air: if a target cluster plays a lower-priority program
    /// started from a scope above the caller's (which the caller could not cancel either), the start is refused.
    /// </summary>
    private void CheckNoHigherScopePreempted(User caller, ValidatedCommand validated)
    {
        ProgramPriority priority = validated.Priority;
        foreach (Cluster cluster in validated.Clusters)
        {
            string? onAir = _engine.GetOnAirProgramId(cluster.Id);
            if (onAir is null)
            {
                continue;
            }

            LiveBroadcast? other;
            lock (_gate)
            {
                _live.TryGetValue(onAir, out other);
            }

            if (other is not null && other.Priority < priority && !validated.Tree.IsWithin(caller.ScopeAreaId, other.ScopeAreaId))
            {
                string scope = validated.Tree.Find(other.ScopeAreaId)?.Name ?? $"area {other.ScopeAreaId}";
                throw new DomainForbiddenException(
                    BroadcastErrors.HigherScope,
                    $"Cluster {cluster.Name} (#{cluster.Id}) is playing '{other.Title}' ({other.Id}) from {scope}, a higher scope: {caller.Username} cannot preempt it.");
            }
        }
    }

    private static DomainValidationException Invalid(string message) => new(BroadcastErrors.InvalidCommand, message);

    /// <summary>A command that passed every check, with what building the program needs.</summary>
    private sealed record ValidatedCommand(BroadcastCommand Command, IReadOnlyList<Cluster> Clusters, AreaTree Tree, ScopePolicy Policy, DateTimeOffset? FirstRunAt)
    {
        public IReadOnlyList<string>? Sentences { get; init; }

        public TextToSpeechVoice? Voice { get; init; }

        public string? FilePath { get; init; }

        public IReadOnlyList<string>? RelayUrls { get; init; }

        public IAudioSource? LiveSource { get; init; }

        public IReadOnlyList<long> ClusterIds => Clusters.Select(cluster => cluster.Id).ToArray();

        /// <summary>Live voice airs at <c>Live</c> priority, or at <c>Emergency</c> when it is one.</summary>
        public ProgramPriority Priority => Command.Source.Kind == BroadcastSourceKind.Live && Command.Level != BroadcastLevel.Emergency
            ? ProgramPriority.Live
            : ToPriority(Command.Level);
    }
}
