using VanYen.Media.Engine.Audio.Codec;
using VanYen.Media.Engine.Broadcast;

namespace VanYen.Media.Integration.Tests.Broadcasting;

/// <summary>A receiver that keeps a copy of every frame of its cluster (program id and Opus payload).</summary>
internal sealed class RecordingClusterSink : IClusterSink
{
    private readonly Lock _gate = new();
    private readonly List<(string? ProgramId, byte[] Opus)> _frames = [];

    public IReadOnlyList<(string? ProgramId, byte[] Opus)> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    public string? LastProgramId => Frames.Count == 0 ? null : Frames[^1].ProgramId;

    public void OnFrame(in ClusterFrame frame)
    {
        lock (_gate)
        {
            _frames.Add((frame.ProgramId, frame.OpusPayload.ToArray()));
        }
    }

    /// <summary>The program's frames in the order they were heard, decoded from Opus.</summary>
    public short[] Decode(string programId)
    {
        using var decoder = new OpusAudioDecoder();
        var pcm = new List<short>();
        var frame = new short[5760];
        foreach (var (id, opus) in Frames)
        {
            if (id == programId)
            {
                int count = decoder.Decode(opus, frame);
                pcm.AddRange(frame.AsSpan(0, count));
            }
        }

        return [.. pcm];
    }
}
