using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Signaling.Contracts;

namespace VanYen.Media.Browser.Tests.Signaling;

/// <summary>The hub refuses bad requests with an error that names the fault (through the C# SignalR client).</summary>
public class MediaHubTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    public static TheoryData<string, string, string, string?, string> BadJoins => new()
    {
        { "nope", "room-1", "publisher", Offer, "Unknown room kind 'nope'" },
        { "Echo", "room-1", "publisher", Offer, "Unknown room kind 'Echo'" },
        { "echo", "", "publisher", Offer, "Invalid room id ''" },
        { "echo", "Phòng 1", "publisher", Offer, "Invalid room id 'Phòng 1'" },
        { "echo", new string('a', 65), "publisher", Offer, "use 1 to 64 characters" },
        { "relay", "room-1", "speaker", Offer, "Unknown role 'speaker'" },
        { "relay", "room-1", "publisher", null, "A publisher must send its offer" },
        { "echo", "room-1", "publisher", "  ", "missing or empty" },
        { "echo", "room-1", "publisher", Offer + new string('x', 64 * 1024), "the limit is 65536 bytes" },
    };

    [Theory]
    [MemberData(nameof(BadJoins))]
    public async Task JoinRoomRefusesABadRequestWithAClearReason(string kind, string roomId, string role, string? offerSdp, string expected)
    {
        await using var connection = await ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() =>
            connection.InvokeAsync<JoinRoomResponse>("JoinRoom", new JoinRoomRequest(kind, roomId, role, offerSdp)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task JoinRoomRefusesAMissingRequest()
    {
        await using var connection = await ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JoinRoomResponse>("JoinRoom", (JoinRoomRequest?)null));

        Assert.Contains("JoinRoom needs a request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenegotiateAndSendAnswerRefuseAnEmptySdp()
    {
        await using var connection = await ConnectAsync();

        var renegotiate = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<string>("Renegotiate", ""));
        var answer = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("SendAnswer", (string?)null));

        Assert.Contains("The SDP (offerSdp) is missing or empty", renegotiate.Message, StringComparison.Ordinal);
        Assert.Contains("The SDP (answerSdp) is missing or empty", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaveRoomWithoutAJoinIsHarmless()
    {
        await using var connection = await ConnectAsync();

        await connection.InvokeAsync("LeaveRoom");

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    private async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(server.Url, "/hubs/media")).Build();
        await connection.StartAsync();
        return connection;
    }
}
