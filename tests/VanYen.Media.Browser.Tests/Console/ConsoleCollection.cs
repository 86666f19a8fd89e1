using VanYen.Media.Integration.Tests.EndToEnd;

namespace VanYen.Media.Browser.Tests.Console;

/// <summary>
/// The console tests share one real server with the demo district and its two reference receivers (Làng Hốc and
/// Thác Cá), and run one after another: they put programs on the same clusters.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "Console";
}
