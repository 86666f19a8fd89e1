namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>One Chromium (fake microphone: <see cref="SpeechFile"/>) shared by a test class's tests, each in its own tab.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private Chromium? _browser;

    internal Chromium Browser => _browser ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var speech = await SpeechFile.GetAsync();
        _browser = await Chromium.LaunchAsync(speech.Path);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
    }
}
