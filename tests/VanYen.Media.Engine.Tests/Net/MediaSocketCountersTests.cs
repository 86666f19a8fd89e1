using System.Diagnostics.Metrics;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Engine.Tests.Net;

public class MediaSocketCountersTests
{
    [Fact]
    public void CountersArePublishedOnTheMeterTaggedWithTheSocketName()
    {
        string name = "counters-" + Guid.NewGuid().ToString("N");
        using var counters = new MediaSocketCounters(name);
        counters.AddReceived(100);
        counters.AddReceived(50);
        counters.AddSent(30);
        counters.AddDroppedMalformed();
        counters.AddDroppedUnknownPeer();
        counters.AddDroppedUnknownPeer();

        Dictionary<string, long> observed = Collect(name);

        Assert.Equal(2, observed["vanyen.media.net.received.packets"]);
        Assert.Equal(150, observed["vanyen.media.net.received.bytes"]);
        Assert.Equal(1, observed["vanyen.media.net.sent.packets"]);
        Assert.Equal(30, observed["vanyen.media.net.sent.bytes"]);
        Assert.Equal(1, observed["vanyen.media.net.dropped.packets/malformed"]);
        Assert.Equal(2, observed["vanyen.media.net.dropped.packets/unknown_peer"]);
        Assert.Equal(0, observed["vanyen.media.net.dropped.packets/pool_exhausted"]);
        Assert.Equal(0, observed["vanyen.media.net.handler.errors"]);
        Assert.Equal(0, observed["vanyen.media.net.send.errors"]);
        Assert.Equal(2, counters.PacketsReceived);
        Assert.Equal(2, counters.DroppedUnknownPeer);
    }

    [Fact]
    public void DisposedCountersAreNoLongerPublishedButKeepTheirValues()
    {
        string name = "counters-" + Guid.NewGuid().ToString("N");
        var counters = new MediaSocketCounters(name);
        counters.AddSendError();

        counters.Dispose();

        Assert.Empty(Collect(name));
        Assert.Equal(1, counters.SendErrors);
    }

    private static Dictionary<string, long> Collect(string socketName)
    {
        var observed = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == MediaSocketCounters.MeterName)
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? socket = null;
            string? reason = null;
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == "socket")
                {
                    socket = tag.Value as string;
                }
                else if (tag.Key == "reason")
                {
                    reason = tag.Value as string;
                }
            }

            if (socket == socketName)
            {
                observed[reason is null ? instrument.Name : instrument.Name + "/" + reason] = value;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return observed;
    }
}
