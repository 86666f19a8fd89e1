namespace VanYen.Media.Server.Domain;

/// <summary>
/// The local hours a cluster may sound (e.g. 05:30–21:30, so nobody is woken at night).
/// <see cref="Until"/> earlier than <see cref="From"/> means the window spans midnight.
/// </summary>
public readonly record struct OnAirHours(TimeOnly From, TimeOnly Until)
{
    /// <summary>Whether a local time of day lies inside the window (start inclusive, end exclusive).</summary>
    public bool Contains(TimeOnly time) => From <= Until
        ? time >= From && time < Until
        : time >= From || time < Until;
}
