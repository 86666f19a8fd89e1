using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Media;
using VanYen.Media.Browser.Tests.Streams;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Meetings;

/// <summary>
/// /meet/{id} on the real server with three Chromium instances, each with its own Vietnamese voice as the microphone:
/// the chair creates the meeting, two participants are admitted from the lobby, everyone hears the others and not
/// itself, a muted participant goes silent for the others, the listener mix is encoded once, the recording holds all
/// three, a plain RTP participant is heard, the mix reaches a loudspeaker cluster, and a dropped page comes back.
/// </summary>
[Collection(CallsCollection.Name)]
public partial class MeetingBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ThreeBrowsersHearEachOtherButNotThemselvesAndTheChairRunsTheMeeting()
    {
        IReadOnlyList<MeetingVoices.Voice> voices = (await MeetingVoices.GetAsync()).All;
        var district = await StreamsTestDistrict.CreateAsync();
        try
        {
            await using var server = await ServerProcess.StartAsync(district.DataDirectory, "--VanYen:SeedDemo=false", "--VanYen:Meetings:RtpPort=0");
            await using var chairBrowser = await Chromium.LaunchAsync(voices[0].Path);
            await using var anBrowser = await Chromium.LaunchAsync(voices[1].Path);
            await using var binhBrowser = await Chromium.LaunchAsync(voices[2].Path, viewportWidth: 360);

            // The chair signs in and creates the meeting from /meet; the page goes to the chair's link.
            var chairConsole = new List<string>();
            IPage chairTab = await chairBrowser.NewPageAsync(chairConsole);
            await chairTab.GotoAsync(new Uri(server.Url, "/meet").ToString());
            await LoginAsync(chairTab, district.Username, district.Password);
            await chairTab.ReloadAsync();
            await chairTab.Locator("#create-name").FillAsync("Họp chi bộ thôn Làng Hốc");
            await chairTab.Locator("#create-form button[type=submit]").ClickAsync();
            await chairTab.WaitForURLAsync(url => url.Contains("?t=", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 20_000 });
            string meetingId = new Uri(chairTab.Url).AbsolutePath.Split('/')[2];
            await chairTab.GotoAsync(chairTab.Url + "&processing=off");
            var chair = new MeetingPage(chairTab, chairConsole, "Chủ trì Hoa");
            await chair.JoinAsync();
            await chair.WaitForPhaseAsync("connected");
            Assert.Equal("chair", await chairTab.EvaluateAsync<string>("() => window.vanyenMeet.role"));

            // Two participants open the invitation link and wait in the lobby until the chair admits them (chair's buttons).
            var (status, token) = await chair.FetchAsync("POST", $"/api/meetings/{meetingId}/join-tokens", new { admitDirectly = false });
            Assert.Equal(201, status);
            string link = new Uri(server.Url, token.GetProperty("link").GetString()).ToString() + "&processing=off";
            MeetingPage an = await OpenGuestAsync(anBrowser, link, "Nguyễn Văn An");
            MeetingPage binh = await OpenGuestAsync(binhBrowser, link, "Trần Thị Bình");
            await an.WaitForPhaseAsync("lobby");
            await binh.WaitForPhaseAsync("lobby");
            await chairTab.WaitForFunctionAsync("() => window.vanyenMeet.lobby().length === 2", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            // Bình's browser is a 360-px phone: the lobby page has no horizontal scroll.
            Assert.Equal(0, await binh.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
            for (int admitted = 1; admitted <= 2; admitted++)
            {
                await chairTab.Locator("#lobby button", new PageLocatorOptions { HasText = "Cho vào" }).First.ClickAsync();
                await chairTab.WaitForFunctionAsync("count => window.vanyenMeet.lobby().length === 2 - count", admitted, new PageWaitForFunctionOptions { Timeout = 10_000 });
            }

            await an.WaitForPhaseAsync("connected");
            await binh.WaitForPhaseAsync("connected");
            MeetingPage[] pages = [chair, an, binh];
            string[] ids = [await chair.ParticipantIdAsync(), await an.ParticipantIdAsync(), await binh.ParticipantIdAsync()];

            // The chair records; everyone sees the indicator.
            var (recordingStatus, _) = await chair.FetchAsync("POST", $"/api/meetings/{meetingId}/recording/start");
            Assert.Equal(200, recordingStatus);
            foreach (MeetingPage page in pages)
            {
                await page.Page.Locator("#recording-indicator").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 10_000 });
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            double seconds = voices.Take(3).Max(voice => voice.Seconds) + 1;
            var heard = await Task.WhenAll(pages.Select(page => page.RecordAsync(seconds)));
            var pairs = new List<(string Where, bool Self, LoopMatch Match, LoopMatch Control)>();
            for (int listener = 0; listener < 3; listener++)
            {
                for (int speaker = 0; speaker < 3; speaker++)
                {
                    var (match, control) = Measure(voices[speaker], heard[listener]);
                    output.WriteLine($"{pages[listener].Name} ← {pages[speaker].Name}: {match}; control {control}");
                    pairs.Add(($"{pages[listener].Name} hearing {pages[speaker].Name}", listener == speaker, match, control));
                }
            }

            foreach (var (where, self, match, control) in pairs)
            {
                if (self)
                {
                    Assert.True(match.Segmental <= NotHeardMaximum, $"{where} (itself): {match}");
                }
                else
                {
                    AssertHeardInMix(match, control, where);
                }
            }

            // The participant list shows who talks, live.
            await chairTab.WaitForFunctionAsync("() => window.vanyenMeet.participants().filter(p => p.talking).length >= 2", null, new PageWaitForFunctionOptions { Timeout = 10_000 });

            // The recording holds all three voices.
            await chair.FetchAsync("POST", $"/api/meetings/{meetingId}/recording/stop");
            await AssertRecordingHoldsAsync(chair, meetingId, voices.Take(3).ToArray());

            // The chair mutes An: An is told, the others stop hearing An, Bình is still heard.
            var (muteStatus, _) = await chair.FetchAsync("POST", $"/api/meetings/{meetingId}/participants/{ids[1]}/mute");
            Assert.Equal(200, muteStatus);
            await an.Page.WaitForFunctionAsync("() => window.vanyenMeet.events.includes('meet.notice.mutedByChair')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var afterMute = await Task.WhenAll(chair.RecordAsync(seconds), binh.RecordAsync(seconds));
            for (int i = 0; i < 2; i++)
            {
                var (silenced, _) = Measure(voices[1], afterMute[i]);
                var (still, stillControl) = Measure(voices[i == 0 ? 2 : 0], afterMute[i]);
                output.WriteLine($"after the mute, {(i == 0 ? chair : binh).Name} ← An: {silenced}; ← the other: {still}");
                Assert.True(silenced.Segmental <= NotHeardMaximum, $"An is still heard after the mute: {silenced}");
                AssertHeardInMix(still, stillControl, "the unmuted voice after the mute");
            }

            await PlainRtpParticipantAndBroadcastAsync(server, district, meetingId, voices, chair, an, binh, ids, seconds);
            await DroppedPageComesBackAsync(binh, ids[2], voices[0], seconds);

            var (endStatus, _) = await chair.FetchAsync("POST", $"/api/meetings/{meetingId}/end");
            Assert.Equal(200, endStatus);
            await an.WaitForPhaseAsync("ended");
            await binh.WaitForPhaseAsync("ended");

            // Afterwards the chair finds the recording on /meet, under the meetings they chaired.
            await chair.Page.GotoAsync(new Uri(server.Url, "/meet").ToString());
            ILocator archived = chair.Page.Locator($"#archive .archive-meeting[data-meeting-id='{meetingId}'] a");
            await archived.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
            Assert.StartsWith($"/api/meetings/{meetingId}/recordings/", await archived.First.GetAttributeAsync("href"), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(district.DataDirectory, recursive: true);
        }
    }

    /// <summary>
    /// A voice mixed with one or two others scores lower than a voice alone (two equal voices: about 1/√2 of its
    /// alone score; measured here 0.44 against a control of 0.26, and 0.18 for a voice that is absent).
    /// </summary>
    private const double HeardInMixMinimum = 0.3;

    private const double HeardAboveControl = 0.08;

    /// <summary>
    /// The reversed control against a meeting's audio: 0.16–0.34 for a mix, up to 0.40 against one clean voice (after
    /// the mute the others hear a single talker); above this the measure would not tell voices apart.
    /// </summary>
    private const double MixControlMaximum = 0.45;

    /// <summary>A voice absent from what a page hears scores at chance, like the reversed control (0.17–0.26 measured).</summary>
    private const double NotHeardMaximum = 0.3;

    private static void AssertHeardInMix(LoopMatch match, LoopMatch control, string where)
    {
        Assert.True(control.Segmental <= MixControlMaximum, $"control {control} is above {MixControlMaximum}: the measure does not discriminate");
        Assert.True(match.Segmental >= HeardInMixMinimum && match.Segmental >= control.Segmental + HeardAboveControl, $"{where}: {match}, not above {HeardInMixMinimum} and the control + {HeardAboveControl} (control {control})");
    }

    private static (LoopMatch Match, LoopMatch Control) Measure(MeetingVoices.Voice voice, (short[] Samples, int SampleRate) heard) =>
        (LoopCorrelation.Measure(voice.Samples, heard.Samples, heard.SampleRate),
         LoopCorrelation.Measure(SpeechMatchThresholds.Reversed(voice.Samples), heard.Samples, heard.SampleRate));

    private static async Task<MeetingPage> OpenGuestAsync(Chromium browser, string link, string name)
    {
        var console = new List<string>();
        IPage tab = await browser.NewPageAsync(console);
        await tab.GotoAsync(link);
        var page = new MeetingPage(tab, console, name);
        await page.WaitForPhaseAsync("name");
        await page.JoinAsync();
        return page;
    }

    private static async Task LoginAsync(IPage page, string username, string password)
    {
        int status = await page.EvaluateAsync<int>(
            "async ([username, password]) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) })).status",
            new object[] { username, password });
        Assert.InRange(status, 200, 299);
    }
}
