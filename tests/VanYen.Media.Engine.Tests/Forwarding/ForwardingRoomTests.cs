using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Engine.Forwarding;
using VanYen.Media.Engine.Rooms;
using VanYen.Media.Engine.Rtcp;
using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.Tests.Testing;
using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Engine.Tests.Forwarding;

/// <summary>Two to four browser-like clients in one call over real sockets on 127.0.0.1.</summary>
public sealed class ForwardingRoomTests
{
    private static readonly byte[] s_opus = [0xFC, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07];

    [Fact]
    public async Task EachParticipantReceivesTheOthersAudioAndVideoWithItsOwnPayloadTypesAndSsrcs()
    {
        await using var call = ForwardingTestCall.Start();
        BrowserLikePeer doctor = await call.JoinAsync("doctor");
        BrowserLikePeer patient = await call.JoinAsync("patient", client =>
        {
            client.Vp8PayloadType = 120;
            client.OpusPayloadType = 109;
        });

        doctor.SendVideo(ForwardingTestCall.Vp8KeyFrame, 90_000, marker: true);
        doctor.SendOpus(s_opus);
        patient.SendVideo(ForwardingTestCall.Vp8KeyFrame, 180_000, marker: true);
        patient.SendOpus(s_opus);

        uint videoAtPatient = ForwardingTestCall.AnnouncedSsrc(patient, ForwardingLayout.SlotVideoMid(0));
        uint audioAtPatient = ForwardingTestCall.AnnouncedSsrc(patient, ForwardingLayout.SlotAudioMid(0));
        uint videoAtDoctor = ForwardingTestCall.AnnouncedSsrc(doctor, ForwardingLayout.SlotVideoMid(0));
        uint audioAtDoctor = ForwardingTestCall.AnnouncedSsrc(doctor, ForwardingLayout.SlotAudioMid(0));
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => patient.Received.Count >= 2 && doctor.Received.Count >= 2));

        var patientVideo = Assert.Single(patient.Received, p => p.Ssrc == videoAtPatient);
        Assert.Equal(120, patientVideo.PayloadType);
        Assert.Equal(ForwardingTestCall.Vp8KeyFrame, patientVideo.Payload);
        var patientAudio = Assert.Single(patient.Received, p => p.Ssrc == audioAtPatient);
        Assert.Equal(109, patientAudio.PayloadType);
        Assert.Equal(s_opus, patientAudio.Payload);
        var doctorVideo = Assert.Single(doctor.Received, p => p.Ssrc == videoAtDoctor);
        Assert.Equal(96, doctorVideo.PayloadType);
        Assert.Equal(111, Assert.Single(doctor.Received, p => p.Ssrc == audioAtDoctor).PayloadType);
        Assert.DoesNotContain(doctor.Received, p => p.Ssrc == doctor.VideoSsrc || p.Ssrc == patient.VideoSsrc);
        Assert.Equal("patient", Assert.Single(call.Room.GetSlots("doctor")).RemoteParticipantId);
        Assert.Equal(4, call.Room.Counters.PacketsForwarded);
    }

    [Fact]
    public async Task APictureLossIndicationFromTheViewerReachesThePublisherThrottled()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var call = ForwardingTestCall.Start(new ForwardingOptions { TimeProvider = time });
        BrowserLikePeer doctor = await call.JoinAsync("doctor");
        BrowserLikePeer patient = await call.JoinAsync("patient", client => client.Vp8PayloadType = 100);
        doctor.SendVideo(ForwardingTestCall.Vp8KeyFrame, 90_000, marker: true);
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => patient.Received.Count >= 1));
        uint slotVideo = ForwardingTestCall.AnnouncedSsrc(patient, ForwardingLayout.SlotVideoMid(0));

        byte[] pli = new byte[RtcpPictureLossIndication.Length];
        RtcpPictureLossIndication.Write(pli, patient.Ssrc, slotVideo);
        for (int i = 0; i < 3; i++)
        {
            patient.SendRtcp(pli);
        }

        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => CountPictureLossIndications(doctor, doctor.VideoSsrc) >= 1));
        await Task.Delay(200);
        Assert.Equal(1, CountPictureLossIndications(doctor, doctor.VideoSsrc));

        time.Advance(TimeSpan.FromMilliseconds(300));
        patient.SendRtcp(pli);
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => CountPictureLossIndications(doctor, doctor.VideoSsrc) >= 2));
        Assert.Equal(2, call.Room.Counters.KeyFrameRequestsRelayed);
    }

    [Fact]
    public async Task ADroppedVideoPacketNackedByTheViewerIsRetransmittedAsRtx()
    {
        await using var call = ForwardingTestCall.Start();
        BrowserLikePeer doctor = await call.JoinAsync("doctor");
        BrowserLikePeer patient = await call.JoinAsync("patient", client => client.Vp8PayloadType = 120);
        uint slotVideo = ForwardingTestCall.AnnouncedSsrc(patient, ForwardingLayout.SlotVideoMid(0));
        uint slotRtx = ForwardingTestCall.AnnouncedSsrc(patient, ForwardingLayout.SlotVideoMid(0), 1);

        doctor.SendVideo(ForwardingTestCall.Vp8KeyFrame, 90_000, marker: true);
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => patient.Received.Count >= 1));
        call.Room.DropNextVideoPackets("patient", 1);
        doctor.SendVideo(ForwardingTestCall.Vp8DeltaFrame, 93_000, marker: true);
        doctor.SendVideo([0x10, 0x01, 0xAB], 96_000, marker: true);
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => patient.Received.Count >= 2));

        var received = patient.Received.Where(p => p.Ssrc == slotVideo).OrderBy(p => p.SequenceNumber).ToList();
        Assert.Equal(2, received.Count);
        ushort missing = (ushort)(received[0].SequenceNumber + 1);
        Assert.Equal((ushort)(missing + 1), received[1].SequenceNumber);

        byte[] nack = new byte[RtcpGenericNack.GetMaxLength(1)];
        int length = RtcpGenericNack.Write(nack, patient.Ssrc, slotVideo, [missing]);
        patient.SendRtcp(nack.AsSpan(0, length));

        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => patient.Received.Any(p => p.Ssrc == slotRtx)));
        var rtx = Assert.Single(patient.Received, p => p.Ssrc == slotRtx);
        Assert.Equal(121, rtx.PayloadType);
        Assert.Equal(missing, (ushort)((rtx.Payload[0] << 8) | rtx.Payload[1]));
        Assert.Equal(ForwardingTestCall.Vp8DeltaFrame, rtx.Payload[2..]);
        Assert.Equal(received[0].Timestamp + 3000, rtx.Timestamp);

        // The room counts the retransmission after sending it: the patient may have it a moment before the count.
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => call.Room.Counters.RetransmissionsSent == 1));
        Assert.Equal(1, call.Room.Counters.NacksReceived);
        Assert.Equal(1, call.Room.Counters.PacketsDropped);
    }

    [Fact]
    public async Task ANackForAPacketNoLongerCachedIsCountedAsMissed()
    {
        await using var call = ForwardingTestCall.Start();
        BrowserLikePeer doctor = await call.JoinAsync("doctor");
        BrowserLikePeer patient = await call.JoinAsync("patient");
        uint slotVideo = ForwardingTestCall.AnnouncedSsrc(patient, ForwardingLayout.SlotVideoMid(0));
        doctor.SendVideo(ForwardingTestCall.Vp8KeyFrame, 90_000, marker: true);
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => patient.Received.Count >= 1));
        ushort never = (ushort)(patient.Received.First().SequenceNumber + 100);

        byte[] nack = new byte[RtcpGenericNack.GetMaxLength(1)];
        int length = RtcpGenericNack.Write(nack, patient.Ssrc, slotVideo, [never]);
        patient.SendRtcp(nack.AsSpan(0, length));

        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => call.Room.Counters.RetransmissionsMissed == 1));
        Assert.Equal(0, call.Room.Counters.RetransmissionsSent);
    }

    [Fact]
    public async Task APacketLostOnThePublishersUplinkIsAskedForUpstreamAndItsRtxAnswerForwarded()
    {
        await using var call = ForwardingTestCall.Start();
        BrowserLikePeer doctor = await call.JoinAsync("doctor");
        BrowserLikePeer patient = await call.JoinAsync("patient");
        uint slotVideo = ForwardingTestCall.AnnouncedSsrc(patient, ForwardingLayout.SlotVideoMid(0));
        ushort first = doctor.SendVideo(ForwardingTestCall.Vp8KeyFrame, 90_000, marker: true);
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => patient.Received.Count >= 1));
        ushort firstAtPatient = patient.Received.First().SequenceNumber;

        // The patient misses its number +2: the server never had the doctor's +2 either.
        byte[] nack = new byte[RtcpGenericNack.GetMaxLength(1)];
        int length = RtcpGenericNack.Write(nack, patient.Ssrc, slotVideo, [(ushort)(firstAtPatient + 2)]);
        patient.SendRtcp(nack.AsSpan(0, length));
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => NackedAt(doctor).Contains((ushort)(first + 2))));

        // The doctor answers with RTX: its OSN, then the original payload.
        ushort lost = (ushort)(first + 2);
        byte[] rtxPayload = [(byte)(lost >> 8), (byte)lost, .. ForwardingTestCall.Vp8DeltaFrame];
        doctor.SendVideo(rtxPayload, 96_000, marker: true, payloadType: 97);

        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => patient.Received.Count(p => p.Ssrc == slotVideo) >= 2));
        var recovered = patient.Received.Last(p => p.Ssrc == slotVideo);
        Assert.Equal((ushort)(firstAtPatient + 2), recovered.SequenceNumber);
        Assert.Equal(96, recovered.PayloadType);
        Assert.Equal(ForwardingTestCall.Vp8DeltaFrame, recovered.Payload);
    }

    [Fact]
    public async Task SequenceNumbersContinueAcrossAPublisherChangeInASlotWhichStartsOnAKeyFrame()
    {
        await using var call = ForwardingTestCall.Start();
        BrowserLikePeer doctor = await call.JoinAsync("doctor");
        BrowserLikePeer first = await call.JoinAsync("patient");
        uint slotVideo = ForwardingTestCall.AnnouncedSsrc(doctor, ForwardingLayout.SlotVideoMid(0));
        for (int i = 0; i < 3; i++)
        {
            first.SendVideo(i == 0 ? ForwardingTestCall.Vp8KeyFrame : ForwardingTestCall.Vp8DeltaFrame, (uint)(10_000 + (i * 3000)), marker: true);
        }

        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => doctor.Received.Count(p => p.Ssrc == slotVideo) >= 3));
        call.Room.Leave("patient");
        BrowserLikePeer second = await call.JoinAsync("interpreter");
        Assert.Equal("interpreter", Assert.Single(call.Room.GetSlots("doctor")).RemoteParticipantId);

        // The new occupant's delta frame cannot start the slot; its key frame does, one number after the last.
        second.SendVideo(ForwardingTestCall.Vp8DeltaFrame, 500_000, marker: true);
        second.SendVideo(ForwardingTestCall.Vp8KeyFrame, 503_000, marker: true);
        second.SendVideo(ForwardingTestCall.Vp8DeltaFrame, 506_000, marker: true);
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => doctor.Received.Count(p => p.Ssrc == slotVideo) >= 5));

        var numbers = doctor.Received.Where(p => p.Ssrc == slotVideo).Select(p => p.SequenceNumber).ToList();
        Assert.Equal(5, numbers.Count);
        for (int i = 1; i < numbers.Count; i++)
        {
            Assert.Equal((ushort)(numbers[i - 1] + 1), numbers[i]);
        }

        var packets = doctor.Received.Where(p => p.Ssrc == slotVideo).ToList();
        Assert.Equal(ForwardingTestCall.Vp8KeyFrame, packets[3].Payload);
        Assert.True((int)(packets[3].Timestamp - packets[2].Timestamp) > 0);
        Assert.True(call.Room.FindParticipant("doctor")!.Slots[0].Video.TryMapToSource(numbers[4], out uint source, out ushort sourceNumber));
        Assert.Equal(second.VideoSsrc, source);
        Assert.Equal(3002, sourceNumber);
    }

    [Fact]
    public async Task BandwidthEstimatesReachThePublisherAsTheSmallestShareOfItsViewers()
    {
        await using var call = ForwardingTestCall.Start();
        BrowserLikePeer doctor = await call.JoinAsync("doctor");
        BrowserLikePeer patient = await call.JoinAsync("patient");
        BrowserLikePeer family = await call.JoinAsync("family");
        doctor.SendVideo(ForwardingTestCall.Vp8KeyFrame, 90_000, marker: true);

        // Each viewer sees two videos: its estimate is shared between them.
        SendRemb(patient, 2_000_000);
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => LastRemb(doctor) == 1_000_000));
        SendRemb(family, 600_000);
        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => LastRemb(doctor) == 300_000));
        Assert.True(call.Room.Counters.BandwidthEstimatesRelayed >= 2);
    }

    [Fact]
    public async Task TheFifthParticipantIsRefusedBecauseTheCallIsFull()
    {
        await using var call = ForwardingTestCall.Start();
        for (int i = 0; i < ForwardingLayout.MaxParticipants; i++)
        {
            var client = new BrowserLikePeer();
            await call.Room.JoinAsync("p" + i, client.CreateCallOffer(), CancellationToken.None);
            await client.DisposeAsync();
        }

        var fifth = new BrowserLikePeer();
        RoomException refused = await Assert.ThrowsAsync<RoomException>(() => call.Room.JoinAsync("p4", fifth.CreateCallOffer(), CancellationToken.None));
        await fifth.DisposeAsync();
        Assert.Contains("full", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, call.Room.GetSlots("p0").Count);
    }

    [Fact]
    public async Task LeavingFreesTheSlotAndRaisesSlotsChangedForTheOthers()
    {
        await using var call = ForwardingTestCall.Start();
        await call.JoinAsync("doctor");
        await call.JoinAsync("patient");
        var changed = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.Room.SlotsChanged += (_, e) => changed.TrySetResult(e.ParticipantIds);

        call.Room.Leave("patient");

        Assert.Equal(["doctor"], await changed.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(call.Room.GetSlots("doctor"));
        Assert.Empty(call.Room.GetSlots("patient"));
        Assert.Null(call.Room.GetQuality("patient"));
    }

    [Fact]
    public async Task CallQualityCountsBothDirections()
    {
        await using var call = ForwardingTestCall.Start(new ForwardingOptions { QualityWindow = TimeSpan.FromMilliseconds(200) });
        BrowserLikePeer doctor = await call.JoinAsync("doctor");
        BrowserLikePeer patient = await call.JoinAsync("patient");
        for (int i = 0; i < 10; i++)
        {
            doctor.SendOpus(s_opus);
        }

        Assert.True(await ForwardingTestCall.WaitUntilAsync(() => patient.Received.Count >= 10));
        await Task.Delay(250);

        CallQuality doctorQuality = call.Room.GetQuality("doctor")!;
        CallQuality patientQuality = call.Room.GetQuality("patient")!;
        Assert.Equal(10, doctorQuality.Upstream.Packets);
        Assert.Equal(0, doctorQuality.Downstream.Packets);
        Assert.Equal(10, patientQuality.Downstream.Packets);
        Assert.True(doctorQuality.Upstream.BitrateBitsPerSecond > 0);
        Assert.True(patientQuality.Downstream.BitrateBitsPerSecond > 0);
        Assert.Equal(0, doctorQuality.Upstream.LossFraction);
    }

    [Fact]
    public async Task ForwardingAndAnsweringNacksAllocatesNothing()
    {
        await using var call = ForwardingTestCall.Start();
        BrowserLikePeer doctor = await call.JoinAsync("doctor");
        BrowserLikePeer patient = await call.JoinAsync("patient");
        ForwardingParticipant publisher = call.Room.FindParticipant("doctor")!;
        ForwardingParticipant viewer = call.Room.FindParticipant("patient")!;
        uint slotVideo = ForwardingTestCall.AnnouncedSsrc(patient, ForwardingLayout.SlotVideoMid(0));
        byte[] video = new byte[12 + 1000];
        byte[] audio = new byte[12 + 80];
        ForwardingTestCall.Vp8KeyFrame.CopyTo(video.AsSpan(12));
        byte[] nack = new byte[RtcpGenericNack.GetMaxLength(1)];
        ushort sequenceNumber = 0;
        void ForwardOne()
        {
            RtpHeaderWriter.Write(video, new RtpHeaderFields(96, true, sequenceNumber, sequenceNumber * 3000u, doctor.VideoSsrc));
            RtpHeaderWriter.Write(audio, new RtpHeaderFields(111, false, sequenceNumber, sequenceNumber * 960u, doctor.Ssrc));
            sequenceNumber++;
            RtpPacket.TryParse(video, out RtpPacket videoPacket);
            publisher.OnRtp(publisher.Peer, in videoPacket);
            RtpPacket.TryParse(audio, out RtpPacket audioPacket);
            publisher.OnRtp(publisher.Peer, in audioPacket);
        }

        ForwardOne();
        Assert.True(viewer.Slots[0].Video.TryMapToSource(0, out _, out ushort sourceOfZero));
        AllocationBudget.AssertZero(
            () =>
            {
                ForwardOne();

                // The viewer asks for the packet just forwarded, by its own number.
                int length = RtcpGenericNack.Write(nack, patient.Ssrc, slotVideo, [(ushort)(sequenceNumber - 1 - sourceOfZero)]);
                var reader = new RtcpCompoundReader(nack.AsSpan(0, length));
                reader.MoveNext();
                RtcpGenericNack.TryParse(reader.Current, out RtcpGenericNack parsed);
                viewer.OnGenericNack(viewer.Peer, in parsed);
            },
            iterations: 10_000);

        // Every call forwarded its two packets and answered its NACK (the warm-up and a possible repeat included).
        Assert.Equal(2L * sequenceNumber, call.Room.Counters.PacketsForwarded);
        Assert.Equal(sequenceNumber - 1L, call.Room.Counters.RetransmissionsSent);
    }

    private static void SendRemb(BrowserLikePeer client, ulong bitrate)
    {
        byte[] remb = new byte[RtcpReceiverEstimatedMaxBitrate.GetLength(1)];
        RtcpReceiverEstimatedMaxBitrate.Write(remb, client.Ssrc, bitrate, [1u]);
        client.SendRtcp(remb);
    }

    private static ulong LastRemb(BrowserLikePeer client)
    {
        ulong last = 0;
        foreach (byte[] compound in client.ReceivedRtcp)
        {
            foreach (RtcpPacket packet in new RtcpCompoundReader(compound))
            {
                if (RtcpReceiverEstimatedMaxBitrate.TryParse(packet, out RtcpReceiverEstimatedMaxBitrate remb))
                {
                    last = remb.Bitrate;
                }
            }
        }

        return last;
    }

    private static List<ushort> NackedAt(BrowserLikePeer client)
    {
        var lost = new List<ushort>();
        foreach (byte[] compound in client.ReceivedRtcp)
        {
            foreach (RtcpPacket packet in new RtcpCompoundReader(compound))
            {
                if (RtcpGenericNack.TryParse(packet, out RtcpGenericNack nack) && nack.MediaSsrc == client.VideoSsrc)
                {
                    foreach (ushort sequenceNumber in nack.LostSequenceNumbers)
                    {
                        lost.Add(sequenceNumber);
                    }
                }
            }
        }

        return lost;
    }

    private static int CountPictureLossIndications(BrowserLikePeer client, uint mediaSsrc)
    {
        int count = 0;
        foreach (byte[] compound in client.ReceivedRtcp)
        {
            foreach (RtcpPacket packet in new RtcpCompoundReader(compound))
            {
                if (RtcpPictureLossIndication.TryParse(packet, out RtcpPictureLossIndication pli) && pli.MediaSsrc == mediaSsrc)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
