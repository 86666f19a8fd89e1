using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using VanYen.Media.Integration.Tests.Api;
using VanYen.Media.Integration.Tests.Devices;
using VanYen.Media.Signaling.Contracts.Broadcast;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Integration.Tests.Consoles;

/// <summary>Receiver health reaches the consoles: pushed on the broadcast hub, and in GET /api/receivers.</summary>
public sealed class ReceiverStatusPublisherTests
{
    [Fact]
    public async Task AConsoleIsToldThatALoggedInReceiverIsOnlineAndTheReceiversListShowsItsHeartbeat()
    {
        await using DeviceTestHost host = await DeviceTestHost.StartAsync();
        long receiverId = host.Devices[0].ReceiverId;
        ReceiverAgent.ReceiverAgent agent = await host.StartAgentAsync(0);
        await DeviceTestHost.WaitUntilAsync(() => agent.Connected, TimeSpan.FromSeconds(10), "the agent is connected");

        Uri http = new(host.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(address => address.StartsWith("http://", StringComparison.Ordinal)));
        var passwords = ApiServerFixture.ReadLogins(await File.ReadAllTextAsync(Path.Combine(host.DataDirectory, "demo-logins.txt")));
        using var client = new HttpClient { BaseAddress = http };
        using var loginResponse = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = passwords["admin"] });
        loginResponse.EnsureSuccessStatusCode();
        string token = (await loginResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var received = new TaskCompletionSource<ReceiverStatusEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using HubConnection hub = new HubConnectionBuilder()
            .WithUrl(new Uri(http, BroadcastHub.Path), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        hub.On<ReceiverStatusMessage>(BroadcastHub.ReceiverStatusMethod, message =>
        {
            foreach (ReceiverStatusEntry entry in message.Receivers)
            {
                if (entry.ReceiverId == receiverId && entry.Online)
                {
                    received.TrySetResult(entry);
                }
            }
        });
        await hub.StartAsync();

        ReceiverStatusEntry status = await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(agent.Login!.ClusterId, status.ClusterId);
        Assert.NotNull(status.LastHeartbeat);
        Assert.Equal(agent.Volume, status.Volume);

        var receiver = await client.GetFromJsonAsync<JsonElement>($"/api/receivers/{receiverId}");
        JsonElement health = receiver.GetProperty("health");
        Assert.True(health.GetProperty("online").GetBoolean());
        Assert.True(health.GetProperty("controlConnected").GetBoolean());
        Assert.Equal(JsonValueKind.String, health.GetProperty("lastHeartbeat").ValueKind);
    }
}
