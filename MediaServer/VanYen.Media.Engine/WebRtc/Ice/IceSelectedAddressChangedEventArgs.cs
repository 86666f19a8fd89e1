using System.Net;

namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>Raised by <see cref="IceSession.SelectedAddressChanged"/>: where media for the peer goes now.</summary>
public sealed class IceSelectedAddressChangedEventArgs(IPEndPoint? previous, IPEndPoint? current) : EventArgs
{
    /// <summary>The address selected before, or null when this is the first selection.</summary>
    public IPEndPoint? Previous { get; } = previous;

    /// <summary>The address selected now, or null when the previous one was taken over by another session.</summary>
    public IPEndPoint? Current { get; } = current;
}
