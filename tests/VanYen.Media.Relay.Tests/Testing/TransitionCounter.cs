using System.Diagnostics.Metrics;

namespace VanYen.Media.Relay.Tests.Testing;

/// <summary>Listens to the "vanyen.relay.transitions" counter and sums it per <c>kind</c> tag.</summary>
internal sealed class TransitionCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _counts = [];

    public TransitionCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "VanYen.Media.Relay" && instrument.Name == "vanyen.relay.transitions")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                if (tag.Key == "kind" && tag.Value is string kind)
                {
                    lock (_counts)
                    {
                        _counts[kind] = _counts.GetValueOrDefault(kind) + value;
                    }
                }
            }
        });
        _listener.Start();
    }

    public long this[string kind]
    {
        get
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(kind);
            }
        }
    }

    public void Dispose() => _listener.Dispose();
}
