namespace VanYen.Media.Server.Broadcasting;

/// <summary>
/// Body of <c>PATCH /api/broadcasts/{id}</c>: what to change in a scheduled broadcast (or one awaiting approval)
/// that has not started; a field left out (null) keeps its value.
/// </summary>
public sealed record ScheduledBroadcastChange
{
    /// <summary>A new title.</summary>
    public string? Title { get; init; }

    /// <summary>A new source (the whole source: text and voice, library item, or relay station/URLs).</summary>
    public BroadcastSource? Source { get; init; }

    /// <summary>New target clusters; giving this or <see cref="AreaIds"/> replaces both lists.</summary>
    public IReadOnlyList<long>? ClusterIds { get; init; }

    /// <summary>New target areas; giving this or <see cref="ClusterIds"/> replaces both lists.</summary>
    public IReadOnlyList<long>? AreaIds { get; init; }

    /// <summary>A new one-off start time (or the first day a recurrence may fire); must be in the future.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>A new cron recurrence (Asia/Ho_Chi_Minh); the empty string makes it a one-off (then give <see cref="StartAt"/>).</summary>
    public string? Recurrence { get; init; }

    /// <summary>New number of plays.</summary>
    public int? Repetitions { get; init; }

    /// <summary>Chime on or off.</summary>
    public bool? Chime { get; init; }

    /// <summary>New volume change, dB.</summary>
    public double? GainDecibels { get; init; }

    /// <summary>The command as it will be after the change, seen at <paramref name="now"/>.</summary>
    public BroadcastCommand ApplyTo(BroadcastCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        bool targetsChanged = ClusterIds is not null || AreaIds is not null;
        string? recurrence = Recurrence is null ? command.Recurrence : Recurrence.Length == 0 ? null : Recurrence;

        // A start time already passed means nothing any more (the service then asks a one-off for a new one).
        DateTimeOffset? startAt = StartAt ?? (command.StartAt is { } old && old > now ? old : null);

        return command with
        {
            Title = Title ?? command.Title,
            Source = Source ?? command.Source,
            ClusterIds = targetsChanged ? ClusterIds ?? [] : command.ClusterIds,
            AreaIds = targetsChanged ? AreaIds ?? [] : command.AreaIds,
            StartAt = startAt,
            Recurrence = recurrence,
            Repetitions = Repetitions ?? command.Repetitions,
            Chime = Chime ?? command.Chime,
            GainDecibels = GainDecibels ?? command.GainDecibels,
        };
    }
}
