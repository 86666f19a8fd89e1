using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace VanYen.Media.Engine.WebRtc.Sdp;

/// <summary>Checks and building blocks shared by <see cref="SdpAnswerer"/> and <see cref="SdpOfferer"/>.</summary>
internal static class SdpNegotiation
{
    /// <summary>The only RTP profile served: DTLS-SRTP with RTCP feedback (RFC 5764 §8, RFC 8829 §5.1.2).</summary>
    public const string RtpProtocol = "UDP/TLS/RTP/SAVPF";

    /// <summary>The ICE and DTLS parameters of the remote side's bundled transport.</summary>
    public sealed record RemoteTransport(string IceUfrag, string IcePassword, SdpFingerprint Fingerprint, SdpSetupRole? Setup);

    /// <summary>The browser's stream description of one m= section.</summary>
    public sealed record RemoteStreams(IReadOnlyList<uint> Ssrcs, IReadOnlyList<SdpSsrcGroup> Groups, IReadOnlyList<SdpMsid> Msids, string? CName);

    /// <summary>
    /// Reads ICE credentials, fingerprint and setup of <paramref name="tagged"/> (falling back to session
    /// level, where Firefox puts its fingerprint); <paramref name="side"/> names the description in messages.
    /// </summary>
    public static RemoteTransport ReadTransport(SessionDescription description, MediaDescription tagged, string side)
    {
        string? ufrag = tagged.IceUfrag ?? description.IceUfrag;
        string? password = tagged.IcePassword ?? description.IcePassword;
        if (ufrag is null || password is null)
        {
            string missing = ufrag is null && password is null ? "a=ice-ufrag and a=ice-pwd" : ufrag is null ? "a=ice-ufrag" : "a=ice-pwd";
            throw new SdpNegotiationException($"The {side} has no {missing} for mid {tagged.Mid}: ICE credentials are required (RFC 8839 §5.4).");
        }

        var fingerprints = tagged.Fingerprints.Count > 0 ? tagged.Fingerprints : description.Fingerprints;
        if (fingerprints.Count == 0)
        {
            throw new SdpNegotiationException($"The {side} has no a=fingerprint: DTLS-SRTP needs the certificate fingerprint (RFC 8122).");
        }

        SdpFingerprint? chosen = null;
        foreach (var fingerprint in fingerprints)
        {
            int length = SdpFingerprint.SupportedDigestLength(fingerprint.HashFunction);
            if (length == 0)
            {
                continue;
            }

            if (fingerprint.Digest.Length != length)
            {
                throw new SdpNegotiationException(
                    $"The {side}'s a=fingerprint {fingerprint.HashFunction} digest has {fingerprint.Digest.Length} bytes; {length} are expected.");
            }

            chosen ??= fingerprint;
        }

        if (chosen is null)
        {
            var names = new List<string>();
            foreach (var fingerprint in fingerprints)
            {
                names.Add(fingerprint.HashFunction);
            }

            throw new SdpNegotiationException(
                $"The {side}'s a=fingerprint uses an unsupported hash function ({string.Join(", ", names)}); sha-256, sha-384 or sha-512 is required.");
        }

        return new RemoteTransport(ufrag, password, chosen, tagged.Setup ?? description.Setup);
    }

    /// <summary>Fails unless an RTP m= section uses UDP/TLS/RTP/SAVPF and a=rtcp-mux.</summary>
    public static void RequireRtpTransport(MediaDescription media, int index, string side)
    {
        if (!string.Equals(media.Protocol, RtpProtocol, StringComparison.OrdinalIgnoreCase))
        {
            throw new SdpNegotiationException(
                $"The {side}'s {media.MediaType} m-line {index} (mid {media.Mid}) uses protocol {media.Protocol}; only {RtpProtocol} (DTLS-SRTP with RTCP feedback) is supported.");
        }

        if (!media.RtcpMux)
        {
            throw new SdpNegotiationException(
                $"The {side}'s {media.MediaType} m-line {index} (mid {media.Mid}) has no a=rtcp-mux: RTCP must share the RTP port (RFC 5761, RFC 8829 §5.1.3).");
        }
    }

    /// <summary>The browser's SSRCs, SSRC groups, msids and CNAME on <paramref name="media"/>.</summary>
    public static RemoteStreams ReadStreams(MediaDescription media)
    {
        var ssrcs = new List<uint>();
        var msids = new List<SdpMsid>(media.Msids);
        string? cname = null;
        foreach (var ssrc in media.Ssrcs)
        {
            if (!ssrcs.Contains(ssrc.Ssrc))
            {
                ssrcs.Add(ssrc.Ssrc);
            }

            if (cname is null && ssrc.Attribute == "cname")
            {
                cname = ssrc.Value;
            }

            // Older Chrome and Plan B style descriptions carry the msid only on the a=ssrc lines.
            if (media.Msids.Count == 0 && ssrc.Attribute == "msid" && ssrc.Value is { Length: > 0 } value)
            {
                string[] parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0)
                {
                    continue;
                }

                var msid = new SdpMsid(parts[0], parts.Length > 1 ? parts[1] : null);
                if (!msids.Contains(msid))
                {
                    msids.Add(msid);
                }
            }
        }

        return new RemoteStreams(ssrcs, [.. media.SsrcGroups], msids, cname);
    }

    /// <summary>Checks our ICE credentials and fingerprint before they go into a description.</summary>
    public static void ValidateLocalTransport(string iceUfrag, string icePassword, SdpFingerprint fingerprint)
    {
        // RFC 8839 §5.4: ufrag 4-256 ice-chars, pwd 22-256 ice-chars.
        if (iceUfrag is null || iceUfrag.Length is < 4 or > 256 || !IsIceString(iceUfrag))
        {
            throw new ArgumentException("The ICE ufrag must be 4 to 256 letters, digits, '+' or '/'.", nameof(iceUfrag));
        }

        if (icePassword is null || icePassword.Length is < 22 or > 256 || !IsIceString(icePassword))
        {
            throw new ArgumentException("The ICE password must be 22 to 256 letters, digits, '+' or '/'.", nameof(icePassword));
        }

        ArgumentNullException.ThrowIfNull(fingerprint);
        int length = SdpFingerprint.SupportedDigestLength(fingerprint.HashFunction);
        if (length == 0 || fingerprint.Digest.Length != length)
        {
            throw new ArgumentException("Our fingerprint must be a sha-256, sha-384 or sha-512 digest of the right length.", nameof(fingerprint));
        }
    }

    /// <summary>Host candidates for our endpoints (RFC 8445 §5.1.2 priorities, host type preference 126).</summary>
    public static List<SdpCandidate> HostCandidates(IReadOnlyList<IPEndPoint> endpoints)
    {
        var candidates = new List<SdpCandidate>(endpoints.Count);
        for (int i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            uint localPreference = (uint)Math.Max(0, 65535 - i);
            candidates.Add(new SdpCandidate
            {
                Foundation = (i + 1).ToString(CultureInfo.InvariantCulture),
                Component = 1,
                Transport = "udp",
                Priority = (126u << 24) | (localPreference << 8) | (256u - 1),
                Address = FormatAddress(endpoint.Address),
                Port = endpoint.Port,
                Type = SdpCandidate.HostType,
            });
        }

        return candidates;
    }

    /// <summary>The c= line and m= port of the default candidate (the first), or "IN IP4 0.0.0.0" and 9.</summary>
    public static (SdpConnection Connection, int Port) DefaultDestination(IReadOnlyList<IPEndPoint> endpoints)
    {
        if (endpoints.Count == 0)
        {
            return (new SdpConnection("IN", "IP4", "0.0.0.0"), 9);
        }

        var endpoint = endpoints[0];
        string addressType = endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        return (new SdpConnection("IN", addressType, FormatAddress(endpoint.Address)), endpoint.Port);
    }

    /// <summary>A random 62-bit o= session id (RFC 8829 §5.2.1 asks for one that fits in 63 bits).</summary>
    public static string NewSessionId()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        ulong id = BitConverter.ToUInt64(bytes) >> 2;
        return id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Fails when two m= sections share a mid (RFC 5888 §4 makes them unique).</summary>
    public static void RequireUniqueMids(SessionDescription description, string side)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var media in description.Media)
        {
            if (media.Mid is not null && !seen.Add(media.Mid))
            {
                throw new SdpNegotiationException($"The {side} uses mid {media.Mid} on more than one m-line.");
            }
        }
    }

    /// <summary>True when <paramref name="media"/> is offered but only to be bundled (RFC 8843 §6).</summary>
    public static bool IsBundleOnly(MediaDescription media) => media.FindOtherAttribute("bundle-only") is not null;

    private static string FormatAddress(IPAddress address)
    {
        // A link-local scope ("%eth0") means nothing to the peer.
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            address = new IPAddress(address.GetAddressBytes());
        }

        return address.ToString();
    }

    private static bool IsIceString(string text)
    {
        foreach (char c in text)
        {
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
