using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VanYen.Media.Integration.Tests.Api;

[Collection(ApiServerCollection.Name)]
public class LibraryEndpointsTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task AnUnsupportedUploadIs415NamingTheFormat()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("Đây không phải là âm thanh, chỉ là văn bản."u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");
        form.Add(file, "file", "ban-tin.mp3");

        using var response = await http.PostAsync("/api/library", form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("text", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ABodyThatIsNotMultipartIs415FromTheRoutersContentTypeCheck()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");
        using var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/mpeg");

        using var response = await http.PostAsync("/api/library", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task AnUploadedWavIsListedRenamedAndServedAsOggOpus()
    {
        string wavPath = Path.Combine(fixture.Server.DataDirectory, "tone-upload.wav");
        using (var ffmpeg = Process.Start("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-ar", "44100", wavPath]))
        {
            await ffmpeg.WaitForExitAsync();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        using var http = await fixture.ClientForAsync("pt.an-thinh");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(wavPath));
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "tone.wav");
        form.Add(new StringContent("Tiếng chuông thử"), "name");

        using var created = await http.PostAsync("/api/library", form);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await created.Content.ReadFromJsonAsync<JsonElement>();
        long id = item.GetProperty("id").GetInt64();
        Assert.Equal("Tiếng chuông thử", item.GetProperty("name").GetString());
        var list = await http.GetFromJsonAsync<JsonElement>("/api/library");
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        using var renamed = await http.PatchAsJsonAsync($"/api/library/{id}", new { name = "Chuông" });
        Assert.Equal("Chuông", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        byte[] audio = await http.GetByteArrayAsync($"/api/library/{id}/audio");
        Assert.Equal("OggS", System.Text.Encoding.ASCII.GetString(audio, 0, 4));
        Assert.Contains("OpusHead", System.Text.Encoding.ASCII.GetString(audio, 0, Math.Min(audio.Length, 200)), StringComparison.Ordinal);

        using var outsider = await fixture.ClientForAsync("pt.dong-cuong");
        using var refused = await outsider.GetAsync($"/api/library/{id}/audio");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, refused.StatusCode.ToString());
    }
}
