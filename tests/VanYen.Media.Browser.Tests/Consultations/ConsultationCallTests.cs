using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using VanYen.Media.Browser.Tests.Media;
using VanYen.Media.Browser.Tests.Testing;
using VanYen.Media.Tests.Shared;
using Xunit.Abstractions;

namespace VanYen.Media.Browser.Tests.Consultations;

/// <summary>
/// consult.html on the real server with the real SFU: a doctor and a patient in two Chromium instances, each with a
/// fake microphone (espeak-ng) and its own fake camera (.y4m by ffmpeg).
/// </summary>
[Collection(CallsCollection.Name)]
public class ConsultationCallTests(ITestOutputHelper output)
{
    private const string PatientName = "Nguyễn Thị Hoa";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // Counts RTCPeerConnections the page creates, so "no media while waiting" is checked at the source.
    private const string CountPeerConnections = """
        (() => {
          const Original = window.RTCPeerConnection;
          window.__peerConnections = 0;
          window.RTCPeerConnection = function (...args) { window.__peerConnections++; return new Original(...args); };
          window.RTCPeerConnection.prototype = Original.prototype;
        })();
        """;

    [Fact]
    public async Task APatientWaitsWithoutMediaIsAdmittedAndBothDecodeTheOthersVideoWithPliAndNackAtWorkUntilTheDoctorHangsUp()
    {
        var speech = await SpeechFile.GetAsync();
        var cameras = await FakeVideoFiles.GetAsync();
        var doctor = await ConsultationTestDoctor.CreateAsync();
        try
        {
            await using var server = await ServerProcess.StartAsync(doctor.DataDirectory, "--VanYen:SeedDemo=false", "--VanYen:Consultations:EnableFaultInjection=true");
            await using var doctorBrowser = await Chromium.LaunchAsync(speech.Path, 1024, cameras.DoctorCamera);
            await using var patientBrowser = await Chromium.LaunchAsync(speech.Path, 360, cameras.PatientCamera);
            var doctorConsole = new List<string>();
            var patientConsole = new List<string>();
            IPage doctorPage = await doctorBrowser.NewPageAsync(doctorConsole);
            IPage patientPage = await patientBrowser.NewPageAsync(patientConsole);
            await patientPage.AddInitScriptAsync(CountPeerConnections);
            string Logs() => $"\nserver:\n{server.Output}\ndoctor page:\n{string.Join('\n', doctorConsole)}\npatient page:\n{string.Join('\n', patientConsole)}";

            // The doctor signs in and opens a consultation from /consult.
            await doctorPage.GotoAsync(new Uri(server.Url, "/consult").ToString());
            await LoginAsync(doctorPage, doctor.Username, doctor.Password);
            await doctorPage.ReloadAsync();
            await doctorPage.ClickAsync("#open-button");
            await WaitAsync(doctorPage, "s => s.phase === 'call' && s.pcState === 'connected' && !!s.patientLink", Logs);
            string consultationId = await StateAsync<string>(doctorPage, "consultationId");
            string patientLink = await StateAsync<string>(doctorPage, "patientLink");
            Assert.Contains("/consult/" + consultationId + "?t=", patientLink, StringComparison.Ordinal);

            // The patient (a 360-px phone) enters a name and waits: no RTCPeerConnection, no media session.
            await patientPage.GotoAsync(patientLink);
            await patientPage.FillAsync("#name-input", PatientName);
            await patientPage.ClickAsync("#name-button");
            await WaitAsync(patientPage, "s => s.phase === 'waiting'", Logs);
            Assert.Contains("Vui lòng chờ bác sĩ cho vào", await patientPage.InnerTextAsync("#waiting-view"), StringComparison.Ordinal);
            await WaitAsync(doctorPage, $"s => s.people.some(p => p.displayName === '{PatientName}' && p.state === 'waiting')", Logs);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(0, await patientPage.EvaluateAsync<int>("() => window.__peerConnections"));
            Assert.False(await StateAsync<bool>(patientPage, "hasPeerConnection"));
            JsonElement beforeAdmission = await GetConsultationAsync(doctorPage, consultationId);
            Assert.All(beforeAdmission.GetProperty("participants").EnumerateArray(), person => Assert.Equal(person.GetProperty("role").GetString() == "doctor", person.GetProperty("inMedia").GetBoolean()));
            Assert.True(await patientPage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the waiting screen scrolls sideways at 360 px");

            // The doctor admits from the waiting list; both connect and each decodes the other's camera.
            await doctorPage.ClickAsync($"#waiting-list li:has-text('{PatientName}') button.admit");
            await WaitAsync(patientPage, "s => s.phase === 'call' && s.pcState === 'connected' && s.slots.length === 1", Logs);
            await WaitAsync(doctorPage, "s => s.slots.length === 1", Logs);
            Assert.Equal(1, await patientPage.EvaluateAsync<int>("() => window.__peerConnections"));
            Assert.Equal(PatientName, await SlotNameAsync(doctorPage));
            Assert.Equal("Bác sĩ Lê Thu Huyền", await SlotNameAsync(patientPage));
            Assert.True(await patientPage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the call view scrolls sideways at 360 px");

            long doctorDecoded = await WaitForDecodedAsync(doctorPage, 15, Logs);
            long patientDecoded = await WaitForDecodedAsync(patientPage, 15, Logs);
            await Task.Delay(TimeSpan.FromSeconds(2));
            JsonElement doctorStats = await StatsAsync(doctorPage);
            JsonElement patientStats = await StatsAsync(patientPage);
            long doctorDecodedLater = SlotVideo(doctorStats).GetProperty("framesDecoded").GetInt64();
            long patientDecodedLater = SlotVideo(patientStats).GetProperty("framesDecoded").GetInt64();
            output.WriteLine($"frames decoded: doctor {doctorDecoded} → {doctorDecodedLater}, patient {patientDecoded} → {patientDecodedLater}");
            Assert.True(doctorDecodedLater > doctorDecoded + 10, $"the doctor's decoding of the patient stalled ({doctorDecoded} → {doctorDecodedLater}){Logs()}");
            Assert.True(patientDecodedLater > patientDecoded + 10, $"the patient's decoding of the doctor stalled ({patientDecoded} → {patientDecodedLater}){Logs()}");
            Assert.True(SlotVideo(doctorStats).GetProperty("frameWidth").GetInt32() > 0);

            // NACK: video packets to the patient are dropped on purpose; the patient NACKs, the SFU resends from its cache.
            string patientId = await doctorPage.EvaluateAsync<string>("() => window.vanyenConsult.state().slots[0].participantId");
            JsonElement countersBefore = (await GetConsultationAsync(doctorPage, consultationId)).GetProperty("media");
            long nacksBefore = SlotVideo(await StatsAsync(patientPage)).GetProperty("nackCount").GetInt64();
            await PostAsync(doctorPage, $"/api/consultations/{consultationId}/fault-injection/drop-video", new { participantId = patientId, count = 8 });
            await patientPage.WaitForFunctionAsync(
                "before => window.vanyenConsult.stats().then(s => s.slots[0].video.nackCount > before)",
                nacksBefore,
                new PageWaitForFunctionOptions { Timeout = (float)Timeout.TotalMilliseconds, PollingInterval = 250 });
            await Task.Delay(TimeSpan.FromSeconds(1));
            JsonElement countersAfterNack = (await GetConsultationAsync(doctorPage, consultationId)).GetProperty("media");
            JsonElement patientAfterNack = await StatsAsync(patientPage);
            long decodedAfterNack = SlotVideo(patientAfterNack).GetProperty("framesDecoded").GetInt64();
            output.WriteLine($"NACK: patient nackCount {nacksBefore} → {SlotVideo(patientAfterNack).GetProperty("nackCount")}; SFU {countersBefore} → {countersAfterNack}");
            Assert.True(Counter(countersAfterNack, "retransmissionsSent") > Counter(countersBefore, "retransmissionsSent"), $"the SFU resent nothing{Logs()}");
            Assert.True(Counter(countersAfterNack, "packetsDropped") >= Counter(countersBefore, "packetsDropped") + 8);
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.True(SlotVideo(await StatsAsync(patientPage)).GetProperty("framesDecoded").GetInt64() > decodedAfterNack + 5, "frames stopped decoding after the loss");

            // PLI: the patient's receiver asks for a key frame; the SFU relays it and the doctor's encoder makes one.
            JsonElement senderBefore = (await StatsAsync(doctorPage)).GetProperty("outboundVideo");
            long receiverPliBefore = SlotVideo(await StatsAsync(patientPage)).GetProperty("pliCount").GetInt64();
            long relayedBefore = Counter((await GetConsultationAsync(doctorPage, consultationId)).GetProperty("media"), "keyFrameRequestsRelayed");
            string requested = await patientPage.EvaluateAsync<string>(RequestKeyFrameFromReceiver);
            output.WriteLine("key frame request from the receiver: " + requested);
            await doctorPage.WaitForFunctionAsync(
                "before => window.vanyenConsult.stats().then(s => s.outboundVideo.pliCount + s.outboundVideo.firCount > before)",
                senderBefore.GetProperty("pliCount").GetInt64() + senderBefore.GetProperty("firCount").GetInt64(),
                new PageWaitForFunctionOptions { Timeout = (float)Timeout.TotalMilliseconds, PollingInterval = 250 });
            await Task.Delay(TimeSpan.FromSeconds(1));
            JsonElement senderAfter = (await StatsAsync(doctorPage)).GetProperty("outboundVideo");
            long relayedAfter = Counter((await GetConsultationAsync(doctorPage, consultationId)).GetProperty("media"), "keyFrameRequestsRelayed");
            long receiverPliAfter = SlotVideo(await StatsAsync(patientPage)).GetProperty("pliCount").GetInt64();
            output.WriteLine($"PLI: receiver pliCount {receiverPliBefore} → {receiverPliAfter}; SFU relayed {relayedBefore} → {relayedAfter}; sender {senderBefore} → {senderAfter}");
            Assert.True(relayedAfter > relayedBefore, $"the SFU relayed no key frame request{Logs()}");
            Assert.True(senderAfter.GetProperty("keyFramesEncoded").GetInt64() > senderBefore.GetProperty("keyFramesEncoded").GetInt64(), "the doctor's encoder made no key frame");

            // The doctor sees call quality numbers for both links.
            await WaitAsync(doctorPage, "s => s.quality && s.quality.participants.length === 2 && s.quality.participants.every(p => p.upstream.bitrateKbps > 0 && p.downstream.bitrateKbps > 0)", Logs);
            JsonElement quality = await doctorPage.EvaluateAsync<JsonElement>("() => window.vanyenConsult.state().quality");
            output.WriteLine("quality: " + quality);
            Assert.Equal(2, await doctorPage.Locator("#quality-body tr").CountAsync());

            // Hanging up as the doctor ends the call for the patient.
            await doctorPage.EvaluateAsync("() => { window.vanyenConsult.skipConfirm = true; }");
            await doctorPage.ClickAsync("#hangup-button");
            await WaitAsync(patientPage, "s => s.phase === 'ended' && s.endedReason === 'doctor-ended' && !s.hasPeerConnection", Logs);
            Assert.Contains("Bác sĩ đã kết thúc cuộc khám.", await patientPage.InnerTextAsync("#ended-view"), StringComparison.Ordinal);
            Assert.Equal(404, await StatusAsync(doctorPage, $"/api/consultations/{consultationId}"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(doctor.DataDirectory, recursive: true);
        }
    }

    // A receiver-side RTCRtpScriptTransform whose transformer asks the sender for a key frame (WebRTC Encoded
    // Transform §sendKeyFrameRequest): Chrome sends it as RTCP PLI on the slot's video receiver.
    private const string RequestKeyFrameFromReceiver = """
        async () => {
          const pc = window.vanyenConsult.peerConnection();
          const slot = window.vanyenConsult.state().slots[0];
          const receiver = pc.getTransceivers().find(t => t.mid === slot.videoMid).receiver;
          const code = `onrtctransform = event => {
            const transformer = event.transformer;
            transformer.readable.pipeTo(transformer.writable);
            self.onmessage = () => transformer.sendKeyFrameRequest().then(() => postMessage('sent'), error => postMessage('failed: ' + error));
            postMessage('ready');
          };`;
          const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
          const next = () => new Promise(resolve => { worker.onmessage = event => resolve(event.data); });
          const ready = next();
          receiver.transform = new RTCRtpScriptTransform(worker, {});
          await ready;
          const sent = next();
          worker.postMessage('key frame please');
          return await sent;
        }
        """;

    private static JsonElement SlotVideo(JsonElement stats) => stats.GetProperty("slots")[0].GetProperty("video");

    private static long Counter(JsonElement media, string name) => media.ValueKind == JsonValueKind.Object ? media.GetProperty(name).GetInt64() : 0;

    private static async Task<JsonElement> StatsAsync(IPage page) => await page.EvaluateAsync<JsonElement>("() => window.vanyenConsult.stats()");

    private static async Task<T> StateAsync<T>(IPage page, string name) => await page.EvaluateAsync<T>($"() => window.vanyenConsult.state().{name}");

    private static async Task<string> SlotNameAsync(IPage page) => await page.EvaluateAsync<string>("() => window.vanyenConsult.state().slots[0].displayName");

    private static async Task<long> WaitForDecodedAsync(IPage page, long atLeast, Func<string> logs)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "n => window.vanyenConsult.stats().then(s => s.slots.length > 0 && s.slots[0].video.framesDecoded >= n)",
                atLeast,
                new PageWaitForFunctionOptions { Timeout = (float)Timeout.TotalMilliseconds, PollingInterval = 250 });
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"no decoded frames: {await StatsAsync(page)}{logs()}", exception);
        }

        return SlotVideo(await StatsAsync(page)).GetProperty("framesDecoded").GetInt64();
    }

    private static async Task WaitAsync(IPage page, string predicate, Func<string> logs)
    {
        try
        {
            await page.WaitForFunctionAsync(
                $"() => {{ const s = window.vanyenConsult?.state(); return !!s && ({predicate})(s); }}",
                null,
                new PageWaitForFunctionOptions { Timeout = (float)Timeout.TotalMilliseconds, PollingInterval = 100 });
        }
        catch (TimeoutException exception)
        {
            string state = await page.EvaluateAsync<string>("() => JSON.stringify(window.vanyenConsult?.state())");
            throw new TimeoutException($"waited for {predicate}; the page is at {state}{logs()}", exception);
        }
    }

    private static async Task LoginAsync(IPage page, string username, string password)
    {
        int status = await page.EvaluateAsync<int>(
            "async ([username, password]) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) })).status",
            new object[] { username, password });
        Assert.InRange(status, 200, 299);
    }

    private static async Task<JsonElement> GetConsultationAsync(IPage page, string id) =>
        await page.EvaluateAsync<JsonElement>("id => fetch('/api/consultations/' + encodeURIComponent(id)).then(r => r.json())", id);

    private static async Task<int> StatusAsync(IPage page, string path) =>
        await page.EvaluateAsync<int>("path => fetch(path).then(r => r.status)", path);

    private static async Task PostAsync(IPage page, string path, object body)
    {
        int status = await page.EvaluateAsync<int>(
            "([path, body]) => fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(r => r.status)",
            new object[] { path, body });
        Assert.Equal((int)HttpStatusCode.NoContent, status);
    }
}
