using System.Text.Json;
using VanYen.Media.Browser.Tests.Media;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.ConsolePanels;

/// <summary>
/// The console's content panels (js/console/panels/*.js) mounted one at a time on the panel test page
/// (panel-harness.html) against the real server: what an announcer does in each panel reaches the server, the air
/// and the district's reference receiver.
/// </summary>
[Collection(CallsCollection.Name)]
public sealed partial class ConsolePanelsTests(ConsolePanelsFixture fixture, ITestOutputHelper output) : IClassFixture<ConsolePanelsFixture>
{
    private static string Describe(JsonElement view) => view.GetRawText();
}
