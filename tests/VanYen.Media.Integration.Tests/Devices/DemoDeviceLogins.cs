using System.Globalization;
using System.Text.RegularExpressions;

namespace VanYen.Media.Integration.Tests.Devices;

/// <summary>The demo receivers and their secrets, read from the data folder's demo-logins.txt (written at first start).</summary>
internal static partial class DemoDeviceLogins
{
    public static async Task<IReadOnlyList<(long ReceiverId, string Secret)>> ReadAsync(string dataDirectory)
    {
        string path = Path.Combine(dataDirectory, "demo-logins.txt");
        for (int attempt = 0; attempt < 100 && !File.Exists(path); attempt++)
        {
            await Task.Delay(100);
        }

        var devices = new List<(long, string)>();
        foreach (string line in await File.ReadAllLinesAsync(path))
        {
            var match = DeviceRow().Match(line);
            if (match.Success)
            {
                devices.Add((long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value));
            }
        }

        Assert.NotEmpty(devices);
        return devices;
    }

    [GeneratedRegex(@"^(\d+)\s+.+\s([A-Za-z0-9_-]{43})\s*$")]
    private static partial Regex DeviceRow();
}
