namespace VanYen.Media.Browser.Tests.Media;

/// <summary>
/// Calls that measure audio run one after another: each has its own server and Chromium, and on a
/// two-core machine two encoding browsers at once would starve each other's real-time audio.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CallsCollection
{
    public const string Name = "Calls";
}
