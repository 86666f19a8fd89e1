using VanYen.Media.Engine.WebRtc.Dtls;

namespace VanYen.Media.Engine.Tests.WebRtc.Dtls;

/// <summary>
/// One direction of an in-memory network between two transports: each datagram sent goes straight into the
/// target's <see cref="DtlsTransport.OnDatagram"/>, unless a rule drops it or holds it back to deliver it after
/// the next one (reordering).
/// </summary>
internal sealed class InMemoryDtlsLink : IDtlsSender
{
    private readonly object _gate = new();
    private readonly List<byte[]> _sent = [];
    private byte[]? _held;

    /// <summary>Where datagrams go; may be set after construction (the two transports need each other's link).</summary>
    public DtlsTransport? Target { get; set; }

    /// <summary>Returns true to drop the datagram (index counts every datagram sent on this link).</summary>
    public Func<int, byte[], bool>? Drop { get; set; }

    /// <summary>Returns true to hold the datagram back and deliver it right after the next one.</summary>
    public Func<int, byte[], bool>? Hold { get; set; }

    /// <summary>Called before each delivered datagram, to inject extra ones (junk) ahead of it.</summary>
    public Action<DtlsTransport>? BeforeDelivery { get; set; }

    public int DroppedCount { get; private set; }

    /// <summary>Everything sent on this link, delivered or not.</summary>
    public IReadOnlyList<byte[]> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        byte[] copy = datagram.ToArray();
        byte[]? release = null;
        bool deliver;
        lock (_gate)
        {
            int index = _sent.Count;
            _sent.Add(copy);
            if (Drop?.Invoke(index, copy) == true)
            {
                DroppedCount++;
                return;
            }

            if (_held is null && Hold?.Invoke(index, copy) == true)
            {
                _held = copy;
                return;
            }

            release = _held;
            _held = null;
            deliver = true;
        }

        if (deliver && Target is { } target)
        {
            BeforeDelivery?.Invoke(target);
            target.OnDatagram(copy);
            if (release is not null)
            {
                target.OnDatagram(release);
            }
        }
    }
}
