using System.Globalization;
using System.Net;
using System.Net.Sockets;
using VanYen.Media.Engine.WebRtc.Stun;

namespace VanYen.Media.Engine.WebRtc.Ice;

/// <summary>
/// Builds the host candidates an ICE-lite answer announces (RFC 8445 §5.1.1.1, RFC 8839 §5.1): the shared
/// socket's port on each address peers can reach, e.g. the public IPv4 in front of a NAT and a global IPv6.
/// Returns attribute values of the form <c>candidate:&lt;foundation&gt; 1 udp &lt;priority&gt; &lt;ip&gt; &lt;port&gt; typ host</c>;
/// the SDP writer prefixes <c>a=</c> (the same string is what a trickled RTCIceCandidate carries).
/// </summary>
public static class IceCandidateFormatter
{
    /// <summary>The type preference of host candidates recommended by RFC 8445 §5.1.2.2.</summary>
    public const int HostTypePreference = 126;

    /// <summary>The highest local preference (RFC 8445 §5.1.2.1), for the first (or only) announced address.</summary>
    public const int MaxLocalPreference = 65535;

    /// <summary>The component of RTP; with rtcp-mux and BUNDLE it is the only one.</summary>
    public const int RtpComponentId = 1;

    /// <summary>
    /// RFC 8445 §5.1.2.1: priority = 2^24 × type preference + 2^8 × local preference + (256 − component id).
    /// </summary>
    public static uint ComputePriority(int typePreference, int localPreference, int componentId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(typePreference);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(typePreference, 126);
        ArgumentOutOfRangeException.ThrowIfNegative(localPreference);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(localPreference, MaxLocalPreference);
        ArgumentOutOfRangeException.ThrowIfLessThan(componentId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(componentId, 256);
        return ((uint)typePreference << 24) + ((uint)localPreference << 8) + (uint)(256 - componentId);
    }

    /// <summary>
    /// A foundation for a host candidate on <paramref name="address"/> (RFC 8445 §5.1.1.3: equal for the same
    /// type, base address and transport, different otherwise): the decimal CRC-32 of "host udp" and the address bytes.
    /// </summary>
    public static string ComputeFoundation(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        IPAddress normalized = Normalize(address);
        Span<byte> input = stackalloc byte[8 + 16];
        "host udp"u8.CopyTo(input);
        normalized.TryWriteBytes(input.Slice(8), out int addressLength);
        return StunCrc32.Compute(input.Slice(0, 8 + addressLength)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>One host candidate for RTP (component 1) on UDP.</summary>
    /// <param name="address">An IPv4 or IPv6 address peers reach us at; IPv4-mapped IPv6 is written as IPv4, a scope id is dropped.</param>
    /// <param name="port">The shared UDP port, 1..65535.</param>
    /// <param name="localPreference">0..65535, higher is preferred (RFC 8445 §5.1.2.1).</param>
    public static string FormatHost(IPAddress address, int port, int localPreference = MaxLocalPreference)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, IPEndPoint.MinPort + 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        IPAddress normalized = Normalize(address);
        if (normalized.Equals(IPAddress.Any) || normalized.Equals(IPAddress.IPv6Any) || IsMulticast(normalized))
        {
            throw new ArgumentException("A candidate needs a unicast address peers can reach, not a wildcard or multicast one.", nameof(address));
        }

        uint priority = ComputePriority(HostTypePreference, localPreference, RtpComponentId);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"candidate:{ComputeFoundation(normalized)} {RtpComponentId} udp {priority} {normalized} {port} typ host");
    }

    /// <summary>
    /// Host candidates for several addresses in order of preference: the first gets local preference 65535,
    /// the next 65534, and so on (RFC 8445 §5.1.2.2 leaves the order to us; RFC 8421 suggests IPv6 first when both work).
    /// </summary>
    public static IReadOnlyList<string> FormatHosts(IEnumerable<IPAddress> addresses, int port)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var candidates = new List<string>();
        foreach (IPAddress address in addresses)
        {
            candidates.Add(FormatHost(address, port, MaxLocalPreference - candidates.Count));
        }

        return candidates;
    }

    private static IPAddress Normalize(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            return new IPAddress(address.GetAddressBytes());
        }

        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException("A candidate address is IPv4 or IPv6.", nameof(address));
        }

        return address;
    }

    private static bool IsMulticast(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6
        ? address.IsIPv6Multicast
        : (address.GetAddressBytes()[0] & 0xF0) == 0xE0;
}
