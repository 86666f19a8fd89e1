using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace VanYen.Media.Engine.WebRtc.Srtp;

/// <summary>
/// SRTP and SRTCP for one direction of one DTLS association (RFC 3711, RFC 7714, RFC 5764):
/// build one with the local master key to protect what we send, one with the remote master
/// key to unprotect what we receive. It keeps per-SSRC state (rollover counter, replay
/// windows, SRTCP index) for at most <see cref="MaxStreams"/> SSRCs.
/// </summary>
/// <remarks>
/// <para>
/// Not thread-safe: a context must be used by one thread at a time. The caller serializes
/// calls (e.g. one receive loop per session, or a lock around the send path); concurrent
/// calls corrupt the cipher scratch buffers and the per-SSRC state.
/// </para>
/// <para>
/// Zero allocation per packet once an SSRC is known. Protect and unprotect never throw on bad
/// packets: protect returns false, unprotect returns a <see cref="SrtpUnprotectResult"/>.
/// </para>
/// </remarks>
public sealed partial class SrtpContext : IDisposable
{
    /// <summary>The default bound on SSRCs per context.</summary>
    public const int DefaultMaxStreams = 64;

    /// <summary>The default replay window, in packets (RFC 3711 §3.3.2 asks for at least 64).</summary>
    public const int DefaultReplayWindowSize = 1024;

    private const uint MaxSrtcpIndex = 0x7FFF_FFFF;

    private readonly SrtpSessionCipher _rtp;
    private readonly SrtpSessionCipher _rtcp;
    private readonly Dictionary<uint, SrtpStreamState> _streams = [];
    private readonly int _replayWindowSize;
    private readonly int _tagLength;
    private SrtpStreamState? _lastStream;
    private long _rejectedStreamCount;
    private bool _disposed;

    /// <summary>Derives the session keys (RFC 3711 §4.3, RFC 7714 §11) from a master key and salt.</summary>
    /// <param name="profile">The negotiated protection profile.</param>
    /// <param name="masterKey">16 bytes.</param>
    /// <param name="masterSalt">14 bytes for AES-CM, 12 for GCM.</param>
    /// <param name="maxStreams">How many SSRCs the context tracks; packets of further SSRCs are rejected and counted.</param>
    /// <param name="replayWindowSize">Replay window in packets: a power of two, at least 64.</param>
    public SrtpContext(
        SrtpProtectionProfile profile,
        ReadOnlySpan<byte> masterKey,
        ReadOnlySpan<byte> masterSalt,
        int maxStreams = DefaultMaxStreams,
        int replayWindowSize = DefaultReplayWindowSize)
        : this(profile, CreateSessionCipher(profile, masterKey, masterSalt, rtcp: false), CreateSessionCipher(profile, masterKey, masterSalt, rtcp: true), maxStreams, replayWindowSize)
    {
    }

    private SrtpContext(SrtpProtectionProfile profile, SrtpSessionCipher rtp, SrtpSessionCipher rtcp, int maxStreams, int replayWindowSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStreams, 1);
        if (replayWindowSize < 64 || (replayWindowSize & (replayWindowSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(replayWindowSize), replayWindowSize, "The replay window must be a power of two of at least 64.");
        }

        Profile = profile;
        _rtp = rtp;
        _rtcp = rtcp;
        MaxStreams = maxStreams;
        _replayWindowSize = replayWindowSize;
        _tagLength = profile.GetAuthTagLength();
    }

    /// <summary>The protection profile in use.</summary>
    public SrtpProtectionProfile Profile { get; }

    /// <summary>The bound on SSRCs this context tracks.</summary>
    public int MaxStreams { get; }

    /// <summary>The number of SSRCs this context tracks now.</summary>
    public int StreamCount => _streams.Count;

    /// <summary>Packets refused because their SSRC would have exceeded <see cref="MaxStreams"/>.</summary>
    public long RejectedStreamCount => _rejectedStreamCount;

    /// <summary>Bytes an RTP packet grows by when protected.</summary>
    public int RtpOverhead => _tagLength;

    /// <summary>Bytes an RTCP packet grows by when protected.</summary>
    public int RtcpOverhead => _tagLength + SrtpProtectionProfileExtensions.SrtcpIndexLength;

    /// <summary>Frees the cipher objects and wipes the session keys.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _rtp.Dispose();
        _rtcp.Dispose();
        _streams.Clear();
        _lastStream = null;
    }

    /// <summary>
    /// Builds a context straight from session keys (skipping key derivation), the same for RTP and RTCP,
    /// as the RFC 7714 §16-17 examples are given.
    /// </summary>
    internal static SrtpContext FromSessionKeys(SrtpProtectionProfile profile, ReadOnlySpan<byte> sessionKey, ReadOnlySpan<byte> sessionSalt, ReadOnlySpan<byte> sessionAuthKey)
    {
        var rtp = new SrtpSessionCipher(profile, sessionKey, sessionSalt, sessionAuthKey);
        var rtcp = new SrtpSessionCipher(profile, sessionKey, sessionSalt, sessionAuthKey);
        return new SrtpContext(profile, rtp, rtcp, DefaultMaxStreams, DefaultReplayWindowSize);
    }

    /// <summary>Sets the SRTCP index the next protected RTCP packet of <paramref name="ssrc"/> gets (tests reproduce RFC examples with it).</summary>
    internal void SetNextSrtcpIndex(uint ssrc, uint index)
    {
        if (TryGetOrAddStream(ssrc, out SrtpStreamState? stream))
        {
            stream.NextSrtcpIndex = index;
        }
    }

    /// <summary>The rollover counter tracked for <paramref name="ssrc"/>, or null when the SSRC is unknown.</summary>
    internal uint? GetRolloverCounter(uint ssrc) => FindStream(ssrc)?.RolloverCounter;

    private static SrtpSessionCipher CreateSessionCipher(SrtpProtectionProfile profile, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, bool rtcp)
    {
        if (!profile.IsSupported())
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP protection profile.");
        }

        if (masterKey.Length != profile.GetMasterKeyLength())
        {
            throw new ArgumentException("Wrong master key length for the profile.", nameof(masterKey));
        }

        if (masterSalt.Length != profile.GetMasterSaltLength())
        {
            throw new ArgumentException("Wrong master salt length for the profile.", nameof(masterSalt));
        }

        Span<byte> sessionKey = stackalloc byte[profile.GetSessionKeyLength()];
        Span<byte> sessionAuthKey = stackalloc byte[profile.GetSessionAuthKeyLength()];
        Span<byte> sessionSalt = stackalloc byte[profile.GetSessionSaltLength()];
        try
        {
            SrtpKeyDerivation.DeriveSession(masterKey, masterSalt, rtcp, sessionKey, sessionAuthKey, sessionSalt);
            return new SrtpSessionCipher(profile, sessionKey, sessionSalt, sessionAuthKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sessionKey);
            CryptographicOperations.ZeroMemory(sessionAuthKey);
            CryptographicOperations.ZeroMemory(sessionSalt);
        }
    }

    private SrtpStreamState? FindStream(uint ssrc)
    {
        SrtpStreamState? last = _lastStream;
        if (last is not null && last.Ssrc == ssrc)
        {
            return last;
        }

        if (_streams.TryGetValue(ssrc, out SrtpStreamState? stream))
        {
            _lastStream = stream;
            return stream;
        }

        return null;
    }

    /// <summary>False (and counted) when a new SSRC would pass <see cref="MaxStreams"/>.</summary>
    private bool CanAddStream()
    {
        if (_streams.Count < MaxStreams)
        {
            return true;
        }

        _rejectedStreamCount++;
        return false;
    }

    private SrtpStreamState AddStream(uint ssrc)
    {
        var stream = new SrtpStreamState(ssrc, _replayWindowSize);
        _streams.Add(ssrc, stream);
        _lastStream = stream;
        return stream;
    }

    private bool TryGetOrAddStream(uint ssrc, [NotNullWhen(true)] out SrtpStreamState? stream)
    {
        stream = FindStream(ssrc);
        if (stream is not null)
        {
            return true;
        }

        if (!CanAddStream())
        {
            return false;
        }

        stream = AddStream(ssrc);
        return true;
    }

    /// <summary>
    /// Copies the clear header into <paramref name="output"/> unless it is the input's own memory;
    /// false when the two overlap other than exactly (that would corrupt the input mid-way).
    /// </summary>
    private static bool TryPrepareOutput(ReadOnlySpan<byte> input, Span<byte> output, int headerLength)
    {
        if (input.Overlaps(output, out int offset))
        {
            return offset == 0;
        }

        input[..headerLength].CopyTo(output);
        return true;
    }
}
