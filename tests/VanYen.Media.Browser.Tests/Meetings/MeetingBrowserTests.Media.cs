using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Streams;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Browser.Tests.Meetings;

public partial class MeetingBrowserTests
{
    private const byte OpusPayloadType = 111;

    /// <summary>Downloads the (single) recording as the chair, decodes it with ffmpeg and finds every voice in it.</summary>
    private async Task AssertRecordingHoldsAsync(MeetingPage chair, string meetingId, MeetingVoices.Voice[] voices)
    {
        var (status, recordings) = await chair.FetchAsync("GET", $"/api/meetings/{meetingId}/recordings");
        Assert.Equal(200, status);
        JsonElement recording = Assert.Single(recordings.EnumerateArray());
        byte[] ogg = await chair.DownloadAsync(recording.GetProperty("link").GetString()!);
        string directory = Directory.CreateTempSubdirectory("vanyen-meeting-recording-").FullName;
        try
        {
            string oggPath = Path.Combine(directory, "recording.ogg");
            string rawPath = Path.Combine(directory, "recording.raw");
            await File.WriteAllBytesAsync(oggPath, ogg);
            await MeetingVoices.RunAsync("ffmpeg", "-v", "error", "-y", "-i", oggPath, "-ar", "48000", "-ac", "1", "-f", "s16le", rawPath);
            byte[] raw = await File.ReadAllBytesAsync(rawPath);
            var samples = new short[raw.Length / 2];
            Buffer.BlockCopy(raw, 0, samples, 0, samples.Length * 2);
            output.WriteLine($"recording {recording.GetProperty("file").GetString()}: {ogg.Length} bytes, {samples.Length / 48000.0:F1} s");
            foreach (MeetingVoices.Voice voice in voices)
            {
                var (match, control) = Measure(voice, (samples, 48000));
                output.WriteLine($"recording ← voice {Array.IndexOf(voices, voice)}: {match}; control {control}");
                AssertHeardInMix(match, control, $"the recording, voice {Array.IndexOf(voices, voice)}");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// A plain RTP participant joins through the API and is heard in the browsers; with two participants muted (two
    /// listeners) the listener mix is still encoded once per tick; the mix goes live to the district's cluster and a
    /// browser receiver of that cluster hears the chair.
    /// </summary>
    private async Task PlainRtpParticipantAndBroadcastAsync(ServerProcess server, StreamsTestDistrict district, string meetingId, IReadOnlyList<MeetingVoices.Voice> voices, MeetingPage chair, MeetingPage an, MeetingPage binh, string[] ids, double seconds)
    {
        await using var gateway = new PlainRtpVoice();
        var (status, joined) = await chair.FetchAsync("POST", $"/api/meetings/{meetingId}/rtp-participants", new { name = "Cổng SIP xã", address = "127.0.0.1", port = gateway.Port, payloadType = (int)OpusPayloadType });
        Assert.True(status == 201, joined.ToString());
        var serverEndPoint = new IPEndPoint(IPAddress.Parse(joined.GetProperty("serverAddress").GetString()!), joined.GetProperty("serverPort").GetInt32());
        gateway.Start(voices[3].Samples, serverEndPoint, OpusPayloadType);
        await Task.Delay(TimeSpan.FromSeconds(2));
        double rtpSeconds = Math.Max(seconds, voices[3].Seconds + 1);
        var heard = await Task.WhenAll(chair.RecordAsync(rtpSeconds), an.RecordAsync(rtpSeconds), binh.RecordAsync(rtpSeconds));
        for (int i = 0; i < heard.Length; i++)
        {
            var (match, control) = Measure(voices[3], heard[i]);
            output.WriteLine($"{new[] { chair, an, binh }[i].Name} ← plain RTP: {match}; control {control}");
            AssertHeardInMix(match, control, $"{new[] { chair, an, binh }[i].Name} hearing the plain RTP participant");
        }

        Assert.True(gateway.PacketsReceived > 50, $"the plain RTP participant got {gateway.PacketsReceived} packets of the mix");

        // Two listeners (An and Bình muted): the listener mix is encoded once per tick, not once per listener.
        var (muteStatus, _) = await chair.FetchAsync("POST", $"/api/meetings/{meetingId}/participants/{ids[2]}/mute");
        Assert.Equal(200, muteStatus);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var (_, before) = await chair.FetchAsync("GET", $"/api/meetings/{meetingId}/media-stats");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (_, after) = await chair.FetchAsync("GET", $"/api/meetings/{meetingId}/media-stats");
        long ticks = after.GetProperty("ticks").GetInt64() - before.GetProperty("ticks").GetInt64();
        long listenerEncodes = after.GetProperty("listenerMixEncodes").GetInt64() - before.GetProperty("listenerMixEncodes").GetInt64();
        int listeners = after.GetProperty("participants").EnumerateArray().Count(participant => !participant.GetProperty("talking").GetBoolean());
        output.WriteLine($"media stats over {ticks} ticks: {listenerEncodes} listener-mix encodes for {listeners} listeners; {after}");
        Assert.True(listeners >= 2, $"expected two listeners: {after}");
        Assert.InRange(listenerEncodes, ticks / 2, ticks + 1);

        // The bridge to broadcast: the mix goes to the cluster; its browser receiver (listen.html) hears the chair.
        var (broadcastStatus, broadcast) = await chair.FetchAsync("POST", $"/api/meetings/{meetingId}/broadcast", new { clusterIds = new[] { district.ClusterId }, areaIds = Array.Empty<long>() });
        Assert.True(broadcastStatus == 201, broadcast.ToString());
        await chair.Page.Locator("#broadcast-indicator").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
        IPage speaker = await an.Page.Context.NewPageAsync();
        await speaker.GotoAsync(new Uri(server.Url, "/listen.html").ToString());
        await speaker.EvaluateAsync("([cluster, token]) => window.vanyenBroadcast.listen(cluster, token)", new object[] { district.ClusterId, district.ReceiverToken });
        await speaker.WaitForFunctionAsync("() => window.vanyenBroadcast?.pc?.connectionState === 'connected'", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        await Task.Delay(TimeSpan.FromSeconds(1));
        var recording = await speaker.EvaluateAsync<JsonElement>("seconds => window.vanyenBroadcast.recordReceived(seconds)", seconds);
        short[] atCluster = LoopCorrelation.ToPcm16([.. recording.GetProperty("samples").EnumerateArray().Select(sample => sample.GetDouble())]);
        var (clusterMatch, clusterControl) = Measure(voices[0], (atCluster, recording.GetProperty("sampleRate").GetInt32()));
        output.WriteLine($"cluster receiver ← chair: {clusterMatch}; control {clusterControl}");
        AssertHeardInMix(clusterMatch, clusterControl, "the cluster's browser receiver hearing the meeting");
        var (stopStatus, _) = await chair.FetchAsync("DELETE", $"/api/meetings/{meetingId}/broadcast");
        Assert.Equal(200, stopStatus);
        await speaker.CloseAsync();
    }

    /// <summary>A network drop (hub and media closed): the page shows it, rejoins as the same participant and hears again.</summary>
    private async Task DroppedPageComesBackAsync(MeetingPage page, string participantId, MeetingVoices.Voice chairVoice, double seconds)
    {
        await page.Page.EvaluateAsync("() => window.vanyenMeet.simulateDrop()");
        Assert.Equal("reconnecting", await page.Page.EvaluateAsync<string>("() => window.vanyenMeet.state()"));
        Assert.True(await page.Page.Locator("#reconnecting").IsVisibleAsync());
        await page.WaitForPhaseAsync("connected");
        Assert.Equal(participantId, await page.ParticipantIdAsync());
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var heard = await page.RecordAsync(seconds);
        var (match, control) = Measure(chairVoice, heard);
        output.WriteLine($"{page.Name} after the drop ← chair: {match}; control {control}");
        AssertHeardInMix(match, control, $"{page.Name} after reconnecting");
    }
}
