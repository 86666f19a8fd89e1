using System.Net;
using VanYen.Media.Engine.Audio.Ogg;
using VanYen.Media.Integration.Tests.Domain;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Integration.Tests.Streams;

/// <summary>The cluster HTTP streams on the real server: token checks, then a live Ogg Opus stream of the idle cluster.</summary>
public sealed class ClusterStreamEndpointTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TokensAreCheckedAndAValidOneGetsAnEndlessOggOpusStream()
    {
        string dataDirectory = Directory.CreateTempSubdirectory("vanyen-streams-").FullName;
        string ownToken = DeviceSecret.Generate();
        string otherToken = DeviceSecret.Generate();
        string browserToken = DeviceSecret.Generate();
        long clusterId;
        // Not disposed: its Dispose deletes the folder the server is about to use.
        var database = new DomainTestDatabase(dataDirectory);
        {
            SmallTree tree = await SmallTree.CreateAsync(database.Areas);
            Cluster cluster = await database.Clusters.AddAsync(new NewCluster(tree.LangHoc.Id, "Cụm loa Làng Hốc"));
            Cluster other = await database.Clusters.AddAsync(new NewCluster(tree.ThacCa.Id, "Cụm loa Thác Cá"));
            await database.Receivers.AddAsync(new NewReceiver(cluster.Id, "Loa kéo chợ", ReceiverKind.HttpStream, DeviceSecret.Hash(ownToken)));
            await database.Receivers.AddAsync(new NewReceiver(other.Id, "Loa Thác Cá", ReceiverKind.HttpStream, DeviceSecret.Hash(otherToken)));
            await database.Receivers.AddAsync(new NewReceiver(cluster.Id, "Điện thoại cũ", ReceiverKind.Browser, DeviceSecret.Hash(browserToken)));
            clusterId = cluster.Id;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            await using var server = await ServerProcess.StartAsync(dataDirectory, "--VanYen:SeedDemo=false");
            using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };

            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/clusters/{clusterId}/stream.ogg")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/clusters/{clusterId}/stream.ogg?token={DeviceSecret.Generate()}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/clusters/{clusterId}/stream.ogg?token={otherToken}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/clusters/{clusterId}/stream.mp3?token={browserToken}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/clusters/999999/stream.ogg?token={ownToken}")).StatusCode);

            using var response = await http.GetAsync($"/api/clusters/{clusterId}/stream.ogg?token={ownToken}", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("audio/ogg", response.Content.Headers.ContentType?.MediaType);
            byte[] bytes = await ReadForAsync(await response.Content.ReadAsStreamAsync(), TimeSpan.FromSeconds(1.5));
            using var reader = OggOpusReader.Open(new MemoryStream(bytes));
            int packets = 0;
            while (reader.TryReadPacket(out _, out _))
            {
                packets++;
            }

            output.WriteLine($"{bytes.Length} bytes in 1.5 s: {packets} Opus packets, {reader.CorruptPageCount} corrupt pages");
            Assert.Equal("Cụm loa Làng Hốc", reader.Tags.GetComment("TITLE"));
            // Reading stopped mid-page at most once: the only damage allowed is a truncated last page.
            Assert.InRange(reader.CorruptPageCount, 0, 1);
            // The idle cluster still streams (silent frames): about 50 packets a second, less the last open page.
            Assert.InRange(packets, 40, 80);

            using var mp3 = await http.GetAsync($"/api/clusters/{clusterId}/stream.mp3?token={ownToken}", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal("audio/mpeg", mp3.Content.Headers.ContentType?.MediaType);
            byte[] mp3Bytes = await ReadForAsync(await mp3.Content.ReadAsStreamAsync(), TimeSpan.FromSeconds(1.5));
            output.WriteLine($"{mp3Bytes.Length} bytes of MP3 in 1.5 s");
            Assert.True(mp3Bytes.Length > 2000, $"the MP3 stream should flow, got {mp3Bytes.Length} bytes");
            Assert.Equal(0xFF, mp3Bytes[0]);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<byte[]> ReadForAsync(Stream body, TimeSpan duration)
    {
        using var buffer = new MemoryStream();
        using var stop = new CancellationTokenSource(duration);
        byte[] chunk = new byte[4096];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, stop.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException)
        {
            // The stream is endless: stop after the duration.
        }

        return buffer.ToArray();
    }
}
