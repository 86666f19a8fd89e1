using VanYen.Media.Engine.Rtp;

namespace VanYen.Media.Engine.Rooms;

/// <summary>
/// What one listener of a relay room receives: the publisher's packets with this listener's SSRC, a sequence number
/// and timestamp line of its own that continues across publisher changes, its Opus payload type, and only the
/// header extensions it negotiated (audio level, remapped to its id).
/// </summary>
internal sealed class RelayListener(RoomParticipant participant)
{
    private const int ExtensionIdCount = 256;
    private const uint FrameSamples = 960;

    private readonly Lock _lock = new();
    private readonly byte[] _extensionIdMap = new byte[ExtensionIdCount];
    private RoomParticipant? _mapSource;
    private bool _hasSource;
    private uint _sourceSsrc;
    private ushort _sequenceDelta;
    private uint _timestampDelta;
    private ushort _lastSequenceNumber = (ushort)Random.Shared.Next();
    private uint _lastTimestamp = (uint)Random.Shared.NextInt64(uint.MaxValue);

    public RoomParticipant Participant { get; } = participant;

    /// <summary>Packets forwarded to this listener.</summary>
    public long PacketsForwarded { get; private set; }

    /// <summary>Rewrites and sends one of <paramref name="publisher"/>'s packets; no allocation.</summary>
    public void Forward(RoomParticipant publisher, in RtpPacket packet)
    {
        if (Participant.Peer is not { IsConnected: true } peer)
        {
            return;
        }

        lock (_lock)
        {
            bool marker = packet.Marker;
            if (!_hasSource || packet.Ssrc != _sourceSsrc)
            {
                // A new source (first publisher, or another one): continue our own line one frame later, and mark
                // the start of a talkspurt (RFC 3551 §4.1) so the browser's jitter buffer resynchronizes.
                _sequenceDelta = (ushort)(_lastSequenceNumber + 1 - packet.SequenceNumber);
                _timestampDelta = _lastTimestamp + FrameSamples - packet.Timestamp;
                _sourceSsrc = packet.Ssrc;
                _hasSource = true;
                marker = true;
            }

            if (!ReferenceEquals(publisher, _mapSource))
            {
                BuildExtensionMap(publisher);
            }

            ushort sequenceNumber = (ushort)(packet.SequenceNumber + _sequenceDelta);
            uint timestamp = packet.Timestamp + _timestampDelta;
            if ((short)(sequenceNumber - _lastSequenceNumber) > 0)
            {
                _lastSequenceNumber = sequenceNumber;
                _lastTimestamp = timestamp;
            }

            if (peer.ForwardRtp(packet.Packet, Participant.Ssrc, sequenceNumber, timestamp, (byte)Participant.OpusPayloadType, marker, _extensionIdMap))
            {
                PacketsForwarded++;
            }
        }
    }

    private void BuildExtensionMap(RoomParticipant publisher)
    {
        // Only the audio level means the same thing to every receiver; transport-wide sequence numbers, abs-send-time
        // and mid describe the publisher's own transport and are erased.
        Array.Clear(_extensionIdMap);
        if (publisher.AudioLevelExtensionId > 0 && Participant.AudioLevelExtensionId > 0)
        {
            _extensionIdMap[publisher.AudioLevelExtensionId] = (byte)Participant.AudioLevelExtensionId;
        }

        _mapSource = publisher;
    }
}
