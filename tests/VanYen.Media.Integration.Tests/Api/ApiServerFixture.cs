using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Integration.Tests.Api;

/// <summary>One real server with the demo district for all API tests (each start costs seconds and demo PBKDF2 hashes).</summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, JsonElement> _logins = new(StringComparer.Ordinal);
    private ServerProcess? _server;

    internal ServerProcess Server => _server ?? throw new InvalidOperationException("not started");

    /// <summary>Demo username → password, from the data folder's demo-logins.txt.</summary>
    public IReadOnlyDictionary<string, string> Passwords { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync();
        Passwords = ReadLogins(await File.ReadAllTextAsync(Path.Combine(_server.DataDirectory, "demo-logins.txt")));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            string data = _server.DataDirectory;
            await _server.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>A client without credentials (give it a handler with cookies to test the cookie).</summary>
    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler(), disposeHandler: true) { BaseAddress = Server.Url, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The login response of a demo user (logged in once, then reused).</summary>
    public async Task<JsonElement> LoginAsync(string username)
    {
        if (_logins.TryGetValue(username, out var known))
        {
            return known;
        }

        using var http = CreateClient();
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { username, password = Passwords[username] });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<JsonElement>();
        _logins[username] = login;
        return login;
    }

    /// <summary>A client that sends a demo user's bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(string username)
    {
        var login = await LoginAsync(username);
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return http;
    }

    /// <summary>Parses the logins table: username first, password last on each row, until the first blank line.</summary>
    internal static Dictionary<string, string> ReadLogins(string text)
    {
        var logins = new Dictionary<string, string>(StringComparer.Ordinal);
        bool inTable = false;
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4)
            {
                break;
            }

            logins[fields[0]] = fields[^1];
        }

        return logins;
    }
}
