namespace VanYen.Media.Signaling.Contracts.Devices;

/// <summary>Local hours (Asia/Ho_Chi_Minh) a cluster may sound, as "HH:mm"; <c>Until</c> before <c>From</c> spans midnight.</summary>
/// <param name="From">Start, inclusive.</param>
/// <param name="Until">End, exclusive.</param>
public sealed record DeviceOnAirHours(string From, string Until);
