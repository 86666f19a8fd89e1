using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Browser.Tests.Testing;

/// <summary>One real server process shared by a test class's tests.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private ServerProcess? _server;

    public Uri Url => (_server ?? throw new InvalidOperationException("not started")).Url;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
