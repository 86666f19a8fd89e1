using System.Globalization;

namespace VanYen.Media.Server.Schedules;

/// <summary>
/// A five-field cron recurrence: minute (0–59), hour (0–23), day of month (1–31), month (1–12 or JAN–DEC) and day of
/// week (0–7 or SUN–SAT, 0 and 7 both Sunday). Each field is <c>*</c>, a value, a range <c>a-b</c>, a step
/// <c>*/n</c>, <c>a-b/n</c> or <c>a/n</c>, or a comma-separated list of those. As in Vixie cron, when both the day
/// of month and the day of week are restricted, a day matching either one fires.
/// </summary>
public sealed class CronExpression
{
    private static readonly string[] s_monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] s_dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>How far <see cref="Next"/> looks before deciding the expression never fires (31 February…).</summary>
    private const int MaxDaysAhead = 366 * 5;

    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _daysOfMonth;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;
    private readonly bool _dayOfMonthRestricted;
    private readonly bool _dayOfWeekRestricted;

    private CronExpression(string text, bool[] minutes, bool[] hours, bool[] daysOfMonth, bool[] months, bool[] daysOfWeek, bool dayOfMonthRestricted, bool dayOfWeekRestricted)
    {
        Text = text;
        _minutes = minutes;
        _hours = hours;
        _daysOfMonth = daysOfMonth;
        _months = months;
        _daysOfWeek = daysOfWeek;
        _dayOfMonthRestricted = dayOfMonthRestricted;
        _dayOfWeekRestricted = dayOfWeekRestricted;
    }

    /// <summary>The expression as given (trimmed, single spaces).</summary>
    public string Text { get; }

    /// <summary>Parses five fields.</summary>
    /// <exception cref="FormatException">Not five fields, or a field that is malformed or out of range; the message names it.</exception>
    public static CronExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 5)
        {
            throw new FormatException(
                $"The recurrence '{text}' must have 5 fields (minute hour day-of-month month day-of-week), e.g. '0 6 * * *'; it has {fields.Length}.");
        }

        bool[] minutes = ParseField(fields[0], "minute", 0, 59, null);
        bool[] hours = ParseField(fields[1], "hour", 0, 23, null);
        bool[] daysOfMonth = ParseField(fields[2], "day-of-month", 1, 31, null);
        bool[] months = ParseField(fields[3], "month", 1, 12, s_monthNames);
        bool[] daysOfWeek = ParseField(fields[4], "day-of-week", 0, 7, s_dayNames);
        if (daysOfWeek[7])
        {
            daysOfWeek[0] = true;
        }

        return new CronExpression(string.Join(' ', fields), minutes, hours, daysOfMonth, months, daysOfWeek, fields[2] != "*", fields[4] != "*");
    }

    /// <summary>Parses, or returns false with the reason.</summary>
    public static bool TryParse(string text, out CronExpression? expression, out string? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException exception)
        {
            expression = null;
            error = exception.Message;
            return false;
        }
    }

    /// <summary>
    /// The first matching minute strictly after <paramref name="after"/>, read as wall-clock time in
    /// <paramref name="timeZone"/>; the result carries that zone's offset. A wall-clock time skipped by a daylight
    /// saving change does not fire; one repeated fires once, at its first occurrence.
    /// </summary>
    /// <returns>The next run, or null when none within five years (e.g. <c>0 0 31 2 *</c>).</returns>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        DateTime local = TimeZoneInfo.ConvertTime(after, timeZone).DateTime;
        DateTime start = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        DateTime day = start.Date;
        for (int dayIndex = 0; dayIndex < MaxDaysAhead; dayIndex++, day = day.AddDays(1))
        {
            if (!_months[day.Month] || !MatchesDay(day))
            {
                continue;
            }

            int firstHour = day == start.Date ? start.Hour : 0;
            for (int hour = firstHour; hour < 24; hour++)
            {
                if (!_hours[hour])
                {
                    continue;
                }

                int firstMinute = day == start.Date && hour == start.Hour ? start.Minute : 0;
                for (int minute = firstMinute; minute < 60; minute++)
                {
                    if (!_minutes[minute])
                    {
                        continue;
                    }

                    DateTime candidate = day.AddHours(hour).AddMinutes(minute);
                    if (timeZone.IsInvalidTime(candidate))
                    {
                        continue;
                    }

                    TimeSpan offset = timeZone.IsAmbiguousTime(candidate)
                        ? timeZone.GetAmbiguousTimeOffsets(candidate).Max()
                        : timeZone.GetUtcOffset(candidate);
                    var result = new DateTimeOffset(candidate, offset);
                    if (result > after)
                    {
                        return result;
                    }
                }
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private bool MatchesDay(DateTime day)
    {
        bool dayOfMonth = _daysOfMonth[day.Day];
        bool dayOfWeek = _daysOfWeek[(int)day.DayOfWeek];
        if (_dayOfMonthRestricted && _dayOfWeekRestricted)
        {
            return dayOfMonth || dayOfWeek;
        }

        return dayOfMonth && dayOfWeek;
    }

    private static bool[] ParseField(string field, string name, int min, int max, string[]? names)
    {
        bool[] allowed = new bool[max + 1];
        foreach (string part in field.Split(','))
        {
            if (part.Length == 0)
            {
                throw new FormatException($"The {name} field '{field}' has an empty list item.");
            }

            string range = part;
            int step = 1;
            int slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                range = part[..slash];
                if (!int.TryParse(part.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1 || step > max)
                {
                    throw new FormatException($"The {name} field '{field}' has a bad step '{part[(slash + 1)..]}' (1 to {max}).");
                }
            }

            int low;
            int high;
            if (range == "*")
            {
                low = min;
                high = max;
            }
            else
            {
                int dash = range.IndexOf('-', StringComparison.Ordinal);
                if (dash >= 0)
                {
                    low = ParseValue(range[..dash], field, name, min, max, names);
                    high = ParseValue(range[(dash + 1)..], field, name, min, max, names);
                    if (high < low)
                    {
                        throw new FormatException($"The {name} field '{field}' has a range '{range}' that ends before it starts.");
                    }
                }
                else
                {
                    low = ParseValue(range, field, name, min, max, names);
                    high = slash >= 0 ? max : low;
                }
            }

            for (int value = low; value <= high; value += step)
            {
                allowed[value] = true;
            }
        }

        return allowed;
    }

    private static int ParseValue(string text, string field, string name, int min, int max, string[]? names)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            if (value < min || value > max)
            {
                throw new FormatException($"The {name} field '{field}' has {value}, outside {min} to {max}.");
            }

            return value;
        }

        if (names is not null)
        {
            int index = Array.FindIndex(names, candidate => string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                // Month names count from 1, day names from 0 (Sunday).
                return min + index;
            }
        }

        throw new FormatException($"The {name} field '{field}' has '{text}', which is not a number from {min} to {max}.");
    }
}
