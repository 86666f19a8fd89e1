using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace VanYen.Media.Server.Media;

/// <summary>Which addresses the WebRTC host candidates announce.</summary>
public static class WebRtcAddresses
{
    /// <summary>
    /// The configured addresses, or by default the bind address when it is a specific one, else 127.0.0.1 and the
    /// machine's up, non-loopback IPv4 addresses.
    /// </summary>
    /// <exception cref="FormatException">A configured address is not an IP address.</exception>
    public static IReadOnlyList<IPAddress> Resolve(IReadOnlyList<string> configured, string bindAddress)
    {
        var addresses = new List<IPAddress>();
        foreach (string text in configured)
        {
            addresses.Add(IPAddress.TryParse(text, out IPAddress? address)
                ? address
                : throw new FormatException($"VanYen:WebRtc:AnnouncedAddresses: '{text}' is not an IP address."));
        }

        if (addresses.Count > 0)
        {
            return addresses;
        }

        if (IPAddress.TryParse(bindAddress, out IPAddress? bound) && !bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return [bound];
        }

        addresses.Add(IPAddress.Loopback);
        foreach (NetworkInterface network in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (network.OperationalStatus != OperationalStatus.Up || network.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            foreach (UnicastIPAddressInformation unicast in network.GetIPProperties().UnicastAddresses)
            {
                if (unicast.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(unicast.Address) && !addresses.Contains(unicast.Address))
                {
                    addresses.Add(unicast.Address);
                }
            }
        }

        return addresses;
    }
}
