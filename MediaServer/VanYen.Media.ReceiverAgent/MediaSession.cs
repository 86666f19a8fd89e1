using System.Net;
using VanYen.Media.Engine.WebRtc.Srtp;

namespace VanYen.Media.ReceiverAgent;

/// <summary>The keys and address of one login: replaced as a whole at every re-login.</summary>
internal sealed class MediaSession : IDisposable
{
    private bool _disposed;

    public MediaSession(IPEndPoint remote, uint ssrc, SrtpProtectionProfile profile, byte[] serverKeyAndSalt, byte[] deviceKeyAndSalt, byte[] keepaliveKey)
    {
        Remote = remote;
        RemoteAddress = remote.Serialize();
        Ssrc = ssrc;
        int keyLength = profile.GetMasterKeyLength();
        Inbound = new SrtpContext(profile, serverKeyAndSalt.AsSpan(0, keyLength), serverKeyAndSalt.AsSpan(keyLength));
        Outbound = new SrtpContext(profile, deviceKeyAndSalt.AsSpan(0, keyLength), deviceKeyAndSalt.AsSpan(keyLength));
        KeepaliveKey = keepaliveKey;
    }

    /// <summary>Guards both contexts: each is used by one thread at a time, and disposal waits for the current use.</summary>
    public Lock Sync { get; } = new();

    public IPEndPoint Remote { get; }

    public SocketAddress RemoteAddress { get; }

    public uint Ssrc { get; }

    public SrtpContext Inbound { get; }

    public SrtpContext Outbound { get; }

    public byte[] KeepaliveKey { get; }

    public bool IsDisposed => _disposed;

    public void Dispose()
    {
        lock (Sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Inbound.Dispose();
            Outbound.Dispose();
        }
    }
}
