using VanYen.Media.Engine.Rtp;
using VanYen.Media.Engine.WebRtc;

namespace VanYen.Media.Engine.Rooms;

/// <summary>
/// A relay room: every publisher's Opus packets are forwarded, without transcoding, to every listener (one copy
/// and one SRTP protection per listener). Listeners may join before, during or after a publisher.
/// </summary>
internal sealed class RelayRoom(string id) : Room(RoomKind.Relay, id), IRtpSink
{
    private readonly Lock _lock = new();
    private readonly List<RoomParticipant> _publishers = [];
    private volatile RelayListener[] _listeners = [];

    public override bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _publishers.Count == 0 && _listeners.Length == 0;
            }
        }
    }

    /// <summary>The current listeners.</summary>
    public IReadOnlyList<RelayListener> Listeners => _listeners;

    public override void Add(RoomParticipant participant)
    {
        lock (_lock)
        {
            if (participant.Role == RoomRole.Publisher)
            {
                _publishers.Add(participant);
                participant.Peer!.Sink = this;
            }
            else
            {
                _listeners = [.. _listeners, new RelayListener(participant)];
            }
        }
    }

    public override void Remove(RoomParticipant participant)
    {
        lock (_lock)
        {
            _publishers.Remove(participant);
            var kept = new List<RelayListener>(_listeners.Length);
            foreach (RelayListener listener in _listeners)
            {
                if (!ReferenceEquals(listener.Participant, participant))
                {
                    kept.Add(listener);
                }
            }

            _listeners = [.. kept];
        }
    }

    public void OnRtp(WebRtcPeer peer, in RtpPacket packet)
    {
        if (peer.Tag is not RoomParticipant publisher || packet.PayloadType != publisher.OpusPayloadType)
        {
            return;
        }

        foreach (RelayListener listener in _listeners)
        {
            listener.Forward(publisher, in packet);
        }
    }
}
