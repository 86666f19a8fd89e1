namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>Timeouts and limits of an <see cref="IceLiteAgent"/>.</summary>
public sealed class IceLiteAgentOptions
{
    /// <summary>
    /// How long a connected session lives without an authenticated check (RFC 7675 §5.1: 30 s). Browsers send
    /// consent checks every 5 s on average (RFC 7675 §5.1), more often while connecting.
    /// </summary>
    public TimeSpan ConsentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a registered session may wait for its first authenticated check.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the selected address may stay silent while another validated address of the same session keeps
    /// passing checks before media is sent to that other address, even without USE-CANDIDATE.
    /// </summary>
    public TimeSpan SelectedAddressFailoverAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many validated addresses a session keeps (the least recently checked one is evicted first).</summary>
    public int MaxValidatedAddressesPerSession { get; set; } = 8;

    /// <summary>
    /// When true (the default), the first authenticated check selects its address even without USE-CANDIDATE,
    /// so media can flow at once: Chrome nominates a lite peer's pair aggressively anyway.
    /// </summary>
    public bool SelectOnFirstCheck { get; set; } = true;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConsentTimeout, TimeSpan.Zero, nameof(ConsentTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SelectedAddressFailoverAfter, TimeSpan.Zero, nameof(SelectedAddressFailoverAfter));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxValidatedAddressesPerSession, 1, nameof(MaxValidatedAddressesPerSession));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxValidatedAddressesPerSession, 64, nameof(MaxValidatedAddressesPerSession));
    }
}
