namespace VanYen.Media.Engine.Tests.Broadcast;

/// <summary>A copy of one <see cref="VanYen.Media.Engine.Broadcast.ClusterFrame"/>.</summary>
internal sealed record RecordedFrame(string? ProgramId, byte[] RtpPacket, byte[] OpusPayload, short[] Pcm, ushort SequenceNumber, uint Timestamp, bool Marker)
{
    public bool IsIdle => ProgramId is null;

    public bool IsSilent => Array.TrueForAll(Pcm, static s => s == 0);
}
