using System.Net;
using System.Text.RegularExpressions;
using VanYen.Media.Engine.WebRtc.Ice;

namespace VanYen.Media.Engine.Tests.WebRtc.Ice;

public partial class IceCandidateFormatterTests
{
    [Theory]
    // RFC 8445 §5.1.2.1: 2^24 × 126 + 2^8 × 65535 + 255, the priority browsers give their first host candidate.
    [InlineData(126, 65535, 1, 2130706431u)]
    [InlineData(126, 65535, 2, 2130706430u)]
    [InlineData(126, 32542, 1, 2122260223u)]
    [InlineData(110, 65535, 1, 1862270975u)]
    [InlineData(0, 0, 256, 0u)]
    public void PriorityFollowsTheRfcFormula(int typePreference, int localPreference, int componentId, uint expected)
    {
        Assert.Equal(expected, IceCandidateFormatter.ComputePriority(typePreference, localPreference, componentId));
    }

    [Fact]
    public void AnIPv4HostCandidateHasTheSdpShape()
    {
        string candidate = IceCandidateFormatter.FormatHost(IPAddress.Parse("203.0.113.7"), 3478);

        Match match = CandidateShape().Match(candidate);
        Assert.True(match.Success, candidate);
        Assert.Equal("2130706431", match.Groups["priority"].Value);
        Assert.Equal("203.0.113.7", match.Groups["address"].Value);
        Assert.Equal("3478", match.Groups["port"].Value);
        Assert.Equal(IceCandidateFormatter.ComputeFoundation(IPAddress.Parse("203.0.113.7")), match.Groups["foundation"].Value);
    }

    [Fact]
    public void AnIPv6HostCandidateIsWrittenCompressedWithoutScope()
    {
        IPAddress address = IPAddress.Parse("2001:db8:0:0::7");
        string candidate = IceCandidateFormatter.FormatHost(address, 50000, localPreference: 65534);

        Match match = CandidateShape().Match(candidate);
        Assert.True(match.Success, candidate);
        Assert.Equal("2001:db8::7", match.Groups["address"].Value);
        Assert.Equal("2130706175", match.Groups["priority"].Value);

        string scoped = IceCandidateFormatter.FormatHost(IPAddress.Parse("fe80::1%3"), 50000);
        Assert.Equal("fe80::1", CandidateShape().Match(scoped).Groups["address"].Value);
    }

    [Fact]
    public void AnIPv4MappedAddressIsAnnouncedAsIPv4()
    {
        string candidate = IceCandidateFormatter.FormatHost(IPAddress.Parse("::ffff:198.51.100.4"), 3478);

        Assert.Equal("198.51.100.4", CandidateShape().Match(candidate).Groups["address"].Value);
    }

    [Fact]
    public void SeveralAddressesGetDescendingPrioritiesAndDistinctFoundations()
    {
        IReadOnlyList<string> candidates = IceCandidateFormatter.FormatHosts(
            [IPAddress.Parse("2001:db8::7"), IPAddress.Parse("203.0.113.7"), IPAddress.Parse("10.0.0.7")], 3478);

        Assert.Equal(3, candidates.Count);
        Match[] matches = [.. candidates.Select(c => CandidateShape().Match(c))];
        Assert.All(matches, m => Assert.True(m.Success));
        Assert.Equal(["2130706431", "2130706175", "2130705919"], matches.Select(m => m.Groups["priority"].Value));
        Assert.Equal(3, matches.Select(m => m.Groups["foundation"].Value).Distinct().Count());
    }

    [Fact]
    public void TheFoundationIsStablePerAddress()
    {
        Assert.Equal(
            IceCandidateFormatter.ComputeFoundation(IPAddress.Parse("203.0.113.7")),
            IceCandidateFormatter.ComputeFoundation(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.NotEqual(
            IceCandidateFormatter.ComputeFoundation(IPAddress.Parse("203.0.113.7")),
            IceCandidateFormatter.ComputeFoundation(IPAddress.Parse("203.0.113.8")));
    }

    [Fact]
    public void WildcardMulticastAndBadPortsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => IceCandidateFormatter.FormatHost(IPAddress.Any, 3478));
        Assert.Throws<ArgumentException>(() => IceCandidateFormatter.FormatHost(IPAddress.IPv6Any, 3478));
        Assert.Throws<ArgumentException>(() => IceCandidateFormatter.FormatHost(IPAddress.Parse("239.1.2.3"), 3478));
        Assert.Throws<ArgumentException>(() => IceCandidateFormatter.FormatHost(IPAddress.Parse("ff02::1"), 3478));
        Assert.Throws<ArgumentOutOfRangeException>(() => IceCandidateFormatter.FormatHost(IPAddress.Loopback, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => IceCandidateFormatter.FormatHost(IPAddress.Loopback, 65536));
        Assert.Throws<ArgumentOutOfRangeException>(() => IceCandidateFormatter.ComputePriority(127, 0, 1));
    }

    [GeneratedRegex(@"^candidate:(?<foundation>[0-9]{1,10}) 1 udp (?<priority>[0-9]+) (?<address>[0-9a-f.:]+) (?<port>[0-9]+) typ host$")]
    private static partial Regex CandidateShape();
}
