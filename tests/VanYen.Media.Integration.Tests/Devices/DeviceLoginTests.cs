using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using VanYen.Media.Server.Devices;
using VanYen.Media.Signaling.Contracts.Devices;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Integration.Tests.Devices;

/// <summary>The device login against the real server process, over its HTTPS port (certificate pinned by fingerprint).</summary>
public sealed class DeviceLoginTests : IAsyncLifetime
{
    private ServerProcess _server = null!;
    private IReadOnlyList<(long ReceiverId, string Secret)> _devices = [];

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync();
        await _server.WaitForHttpsUrlAsync();
        _devices = await DemoDeviceLogins.ReadAsync(_server.DataDirectory);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TheServerPrintsTheFingerprintOfTheCertificateItCreatedInTheDataFolder()
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(_server.DataDirectory, HttpsCertificate.FileName), null);
        Assert.Equal(HttpsCertificate.FormatFingerprint(SHA256.HashData(certificate.RawData)), _server.HttpsCertificateSha256);
        Assert.Equal("https", _server.HttpsUrl.Scheme);
        Assert.NotEqual(_server.Url.Port, _server.HttpsUrl.Port);
    }

    [Fact]
    public async Task LoginWithTheRightSecretReturnsTheTokenKeysAndMediaPort()
    {
        (long receiverId, string secret) = _devices[0];
        using HttpClient client = PinnedClient();
        using var response = await client.PostAsJsonAsync("/api/devices/login", new DeviceLoginRequest(receiverId.ToString(CultureInfo.InvariantCulture), secret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var login = await response.Content.ReadFromJsonAsync<DeviceLoginResponse>();
        Assert.NotNull(login);
        Assert.True(login.Token.Length >= 40);
        Assert.Equal(111, login.Media.PayloadType);
        Assert.Equal("127.0.0.1", login.Media.Host);
        Assert.InRange(login.Media.Port, 1, 65535);
        Assert.NotEqual(_server.Url.Port, login.Media.Port);
        Assert.NotEmpty(Convert.FromBase64String(login.Media.ServerKey));
        Assert.NotEqual(login.Media.ServerKey, login.Media.DeviceKey);
        Assert.NotEmpty(Convert.FromBase64String(login.Media.KeepaliveKey));
        Assert.Equal(new Uri(_server.HttpsUrl, "/hubs/device"), new Uri(login.ControlHubUrl));
        Assert.InRange(login.ServerTime, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.InRange(login.ExpiresAt - login.ServerTime, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));

        // A second login hands out fresh keys.
        using var again = await client.PostAsJsonAsync("/api/devices/login", new DeviceLoginRequest(receiverId.ToString(CultureInfo.InvariantCulture), secret));
        var second = await again.Content.ReadFromJsonAsync<DeviceLoginResponse>();
        Assert.NotEqual(login.Media.ServerKey, second!.Media.ServerKey);
        Assert.NotEqual(login.Token, second.Token);
        Assert.Contains((receiverId.ToString(CultureInfo.InvariantCulture), "device.login"), ReadAudit());
    }

    [Fact]
    public async Task AWrongSecretIsRefusedWith401AndAudited()
    {
        (long receiverId, _) = _devices[0];
        using HttpClient client = PinnedClient();
        using var response = await client.PostAsJsonAsync("/api/devices/login", new DeviceLoginRequest(receiverId.ToString(CultureInfo.InvariantCulture), "not-the-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("wrong secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains((receiverId.ToString(CultureInfo.InvariantCulture), "device.login-failed"), ReadAudit());
    }

    [Fact]
    public async Task LoginOverPlainHttpIsRefusedWith403()
    {
        (long receiverId, string secret) = _devices[0];
        using var client = new HttpClient { BaseAddress = _server.Url };
        using var response = await client.PostAsJsonAsync("/api/devices/login", new DeviceLoginRequest(receiverId.ToString(CultureInfo.InvariantCulture), secret));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("HTTPS only", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreparedDownloadAndTheHubRefuseARequestWithoutADeviceToken()
    {
        using HttpClient client = PinnedClient();
        using var download = await client.GetAsync("/api/devices/prepared/anything");
        Assert.Equal(HttpStatusCode.Unauthorized, download.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/device/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged-token");
        using var negotiate = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    private HttpClient PinnedClient()
    {
        string pin = _server.HttpsCertificateSha256.Replace(":", string.Empty, StringComparison.Ordinal);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())) == pin;
        return new HttpClient(handler) { BaseAddress = _server.HttpsUrl };
    }

    private List<(string TargetId, string Action)> ReadAudit()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_server.DataDirectory, "vanyen.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT target_id, action FROM audit_log WHERE action LIKE 'device.%'";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
