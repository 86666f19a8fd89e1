namespace VanYen.Media.Engine.Broadcast;

/// <summary>
/// A receiver of one cluster's program: an IP speaker over SRTP, a browser over WebRTC, an HTTP stream.
/// </summary>
/// <remarks>
/// Called on the media clock's thread once per 20 ms tick for every attached sink, so it must be quick, must not
/// block, must not throw and must not allocate: copy what it needs out of the frame (the spans are reused for the
/// next tick) and send, or hand the bytes to its own writer.
/// </remarks>
public interface IClusterSink
{
    /// <summary>One tick of the cluster: a program frame, or an idle (silent) frame when nothing is on air.</summary>
    void OnFrame(in ClusterFrame frame);
}
