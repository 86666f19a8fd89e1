using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VanYen.Media.Integration.Tests.Api;

[Collection(ApiServerCollection.Name)]
public class TtsEndpointsTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task PreviewReturnsAWavOfSpeechAsLongAsTheTextTakesToSay()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");
        const string text = "Thông báo của Ủy ban nhân dân xã An Thịnh. Sáng mai, toàn thể nhân dân tham gia dọn vệ sinh đường làng.";

        using var response = await http.PostAsJsonAsync("/api/tts/preview", new { text, voice = "vi", rate = 165 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType!.MediaType);
        byte[] wav = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(wav, 8, 4));
        int sampleRate = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24));
        Assert.Equal(48000, sampleRate);
        int dataLength = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40));
        var samples = new short[dataLength / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(44 + (i * 2)));
        }

        // About 25 syllables at 165 words per minute: several seconds, not a blip and not minutes.
        double seconds = samples.Length / (double)sampleRate;
        Assert.InRange(seconds, 3, 20);
        double sumOfSquares = 0;
        foreach (short sample in samples)
        {
            sumOfSquares += (double)sample * sample;
        }

        double rmsDbfs = 20 * Math.Log10(Math.Sqrt(sumOfSquares / samples.Length) / 32768);
        Assert.True(rmsDbfs > -35, $"speech RMS {rmsDbfs:F1} dBFS is too quiet to be speech");
    }

    [Fact]
    public async Task PreviewOfTooLongOrEmptyTextIs400NamingTheField()
    {
        using var http = await fixture.ClientForAsync("pt.an-thinh");

        using var tooLong = await http.PostAsJsonAsync("/api/tts/preview", new { text = new string('a', 20_001) });
        using var empty = await http.PostAsJsonAsync("/api/tts/preview", new { text = "  " });
        using var badVoice = await http.PostAsJsonAsync("/api/tts/preview", new { text = "xin chào", voice = "en" });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("text-too-long", problem.GetProperty("reason").GetString());
        Assert.StartsWith("text:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("empty-text", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badVoice.StatusCode);
        Assert.Equal("unknown-voice", (await badVoice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnAdminAddsAnAbbreviationAndTheTableShowsItButAnAnnouncerCannot()
    {
        using var admin = await fixture.ClientForAsync("admin");
        using var announcer = await fixture.ClientForAsync("pt.an-thinh");

        using var set = await admin.PutAsJsonAsync("/api/tts/abbreviations/HTX", new { expansion = "hợp tác xã" });
        using var refused = await announcer.PutAsJsonAsync("/api/tts/abbreviations/CLB", new { expansion = "câu lạc bộ" });
        var table = await announcer.GetFromJsonAsync<JsonElement>("/api/tts/abbreviations");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(table.EnumerateArray(), e => e.GetProperty("abbreviation").GetString() == "HTX" && e.GetProperty("expansion").GetString() == "hợp tác xã");
        Assert.Contains(table.EnumerateArray(), e => e.GetProperty("abbreviation").GetString() == "UBND");
    }
}
