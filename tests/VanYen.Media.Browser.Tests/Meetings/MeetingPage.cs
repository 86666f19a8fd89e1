using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Testing;

namespace VanYen.Media.Browser.Tests.Meetings;

/// <summary>One browser tab on /meet/{id}, driven through the page's test hook <c>window.vanyenMeet</c>.</summary>
internal sealed class MeetingPage(IPage page, List<string> console, string name)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public IPage Page { get; } = page;

    public string Name { get; } = name;

    public string Console
    {
        get
        {
            lock (console)
            {
                return string.Join('\n', console);
            }
        }
    }

    public async Task<string> ParticipantIdAsync() => await Page.EvaluateAsync<string>("() => window.vanyenMeet.participantId");

    public Task JoinAsync() => Page.EvaluateAsync("name => window.vanyenMeet.join(name)", Name);

    /// <summary>Waits until the page's phase is <paramref name="phase"/> (fails with the page's error and console otherwise).</summary>
    public async Task WaitForPhaseAsync(string phase)
    {
        try
        {
            await Page.WaitForFunctionAsync("phase => window.vanyenMeet?.state() === phase", phase, new PageWaitForFunctionOptions { Timeout = (float)Timeout.TotalMilliseconds, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            string state = await Page.EvaluateAsync<string>("() => window.vanyenMeet?.state() + ' / ' + window.vanyenMeet?.lastError");
            throw new TimeoutException($"{Name}: not '{phase}' after {Timeout} ({state})\n{Console}");
        }
    }

    /// <summary>Records what the page hears for <paramref name="seconds"/>.</summary>
    public async Task<(short[] Samples, int SampleRate)> RecordAsync(double seconds)
    {
        var recording = await Page.EvaluateAsync<JsonElement>("seconds => window.vanyenMeet.recordReceived(seconds)", seconds);
        short[] samples = LoopCorrelation.ToPcm16([.. recording.GetProperty("samples").EnumerateArray().Select(sample => sample.GetDouble())]);
        return (samples, recording.GetProperty("sampleRate").GetInt32());
    }

    /// <summary>A same-origin API call from the page (with its sign-in cookie): status and JSON body.</summary>
    public async Task<(int Status, JsonElement Body)> FetchAsync(string method, string path, object? body = null)
    {
        var result = await Page.EvaluateAsync<JsonElement>(
            @"async ([method, path, body]) => {
                const init = { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' } };
                if (body !== null) init.body = JSON.stringify(body);
                const response = await fetch(path, init);
                const text = await response.text();
                return { status: response.status, body: text ? JSON.parse(text) : null };
            }",
            new object?[] { method, path, body });
        return (result.GetProperty("status").GetInt32(), result.GetProperty("body"));
    }

    /// <summary>Downloads bytes from the page (with its cookie).</summary>
    public async Task<byte[]> DownloadAsync(string path)
    {
        string base64 = await Page.EvaluateAsync<string>(
            @"async path => {
                const response = await fetch(path);
                if (!response.ok) throw new Error('HTTP ' + response.status);
                const bytes = new Uint8Array(await response.arrayBuffer());
                let text = '';
                for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
                return btoa(text);
            }",
            path);
        return Convert.FromBase64String(base64);
    }
}
