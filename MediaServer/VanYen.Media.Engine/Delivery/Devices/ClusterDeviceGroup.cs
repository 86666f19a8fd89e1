using VanYen.Media.Engine.Broadcast;
using VanYen.Media.Engine.Net;

namespace VanYen.Media.Engine.Delivery.Devices;

/// <summary>
/// The registered devices of one cluster, attached to its <see cref="ClusterChannel"/> as a single sink: each tick it
/// SRTP-protects the shared packet once per device straight into a <see cref="PacketSendBatch"/> slot and sends the
/// batch when it is full and at the end of the tick, so thousands of devices cost tens of system calls per tick
/// (one <c>sendmmsg</c> per 64 devices) instead of one <c>sendto</c> each.
/// </summary>
/// <remarks>
/// Devices are kept in a copy-on-write array: adding and removing (registration, rare, under the endpoint's
/// registration lock) copy it, the tick (the clock's thread) reads it without a lock and allocates nothing.
/// A transport that cannot send batches gets one <see cref="IPacketTransport.TrySend"/> per device.
/// </remarks>
internal sealed class ClusterDeviceGroup : IClusterSink
{
    private readonly DeviceMediaEndpoint _endpoint;
    private readonly PacketSendBatch _batch = new();
    private readonly DeviceMediaSession?[] _batchOwners = new DeviceMediaSession?[PacketSendBatch.DefaultCapacity];
    private volatile DeviceMediaSession[] _sessions = [];
    private IDisposable? _attachment;

    public ClusterDeviceGroup(DeviceMediaEndpoint endpoint, ClusterChannel channel)
    {
        _endpoint = endpoint;
        Channel = channel;
    }

    public ClusterChannel Channel { get; }

    public int Count => _sessions.Length;

    /// <summary>Adds a device; the first one attaches the group to the channel. Under the registration lock.</summary>
    public void Add(DeviceMediaSession session)
    {
        DeviceMediaSession[] current = _sessions;
        var next = new DeviceMediaSession[current.Length + 1];
        current.CopyTo(next, 0);
        next[^1] = session;
        _sessions = next;
        _attachment ??= Channel.Attach(this);
    }

    /// <summary>Removes a device; the last one detaches the group. Returns true when the group is now empty. Under the registration lock.</summary>
    public bool Remove(DeviceMediaSession session)
    {
        DeviceMediaSession[] current = _sessions;
        int index = Array.IndexOf(current, session);
        if (index >= 0)
        {
            var next = new DeviceMediaSession[current.Length - 1];
            Array.Copy(current, 0, next, 0, index);
            Array.Copy(current, index + 1, next, index, current.Length - index - 1);
            _sessions = next;
        }

        if (_sessions.Length > 0)
        {
            return false;
        }

        _attachment?.Dispose();
        _attachment = null;
        return true;
    }

    /// <inheritdoc/>
    public void OnFrame(in ClusterFrame frame)
    {
        if (frame.IsIdle || _endpoint.Transport is not { } transport)
        {
            return;
        }

        DeviceMediaSession[] sessions = _sessions;
        if (transport is not IBatchPacketTransport batchTransport || !_endpoint.BatchSends)
        {
            for (int i = 0; i < sessions.Length; i++)
            {
                sessions[i].Send(frame.RtpPacket, transport);
            }

            return;
        }

        PacketSendBatch batch = _batch;
        try
        {
            for (int i = 0; i < sessions.Length; i++)
            {
                if (sessions[i].TryProtectInto(frame.RtpPacket, batch))
                {
                    _batchOwners[batch.Count - 1] = sessions[i];
                    if (batch.IsFull)
                    {
                        Flush(batchTransport, batch);
                    }
                }
            }

            Flush(batchTransport, batch);
        }
        finally
        {
            // A throw half-way must not leave stale datagrams for the next tick.
            batch.Clear();
        }
    }

    private void Flush(IBatchPacketTransport transport, PacketSendBatch batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        transport.SendBatch(batch);
        for (int i = 0; i < batch.Count; i++)
        {
            if (batch.WasSent(i))
            {
                _batchOwners[i]!.CountSent();
            }

            _batchOwners[i] = null;
        }

        batch.Clear();
    }
}
