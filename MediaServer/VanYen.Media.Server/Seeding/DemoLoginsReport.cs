using System.Globalization;
using System.Text;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Seeding;

/// <summary>The table of demo logins, for the console at first start and for <c>demo-logins.txt</c>.</summary>
public static class DemoLoginsReport
{
    /// <summary>A plain-text table: username, role, scope, password.</summary>
    public static string FormatLogins(IReadOnlyList<DemoLogin> logins)
    {
        ArgumentNullException.ThrowIfNull(logins);
        var rows = new List<string[]> { new[] { "Username", "Role", "Scope", "Password" } };
        rows.AddRange(logins.Select(l => new[] { l.Username, RoleName(l.Role), l.ScopeName, l.Password }));
        return FormatTable(rows);
    }

    /// <summary>A plain-text table: receiver id, cluster, device secret.</summary>
    public static string FormatDevices(IReadOnlyList<DemoDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var rows = new List<string[]> { new[] { "Receiver", "Cluster", "Device secret" } };
        rows.AddRange(devices.Select(d => new[] { d.ReceiverId.ToString(CultureInfo.InvariantCulture), d.ClusterName, d.Secret }));
        return FormatTable(rows);
    }

    /// <summary>One line per browser speaker: its cluster and the one-tap /speaker link (path only: the host is the server's).</summary>
    public static string FormatSpeakerLinks(IReadOnlyList<DemoDevice> speakers)
    {
        ArgumentNullException.ThrowIfNull(speakers);
        var text = new System.Text.StringBuilder();
        foreach (var speaker in speakers)
        {
            text.Append(CultureInfo.InvariantCulture, $"{speaker.ClusterName}: /speaker?device={speaker.ReceiverId}&token={speaker.Secret}\n");
        }

        return text.ToString();
    }

    /// <summary>The role as the database and API spell it.</summary>
    public static string RoleName(UserRole role) => role.ToString().ToLowerInvariant();

    private static string FormatTable(List<string[]> rows)
    {
        int columns = rows[0].Length;
        int[] widths = new int[columns];
        foreach (var row in rows)
        {
            for (int i = 0; i < columns; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        for (int r = 0; r < rows.Count; r++)
        {
            for (int i = 0; i < columns; i++)
            {
                text.Append(i == columns - 1 ? rows[r][i] : rows[r][i].PadRight(widths[i] + 2));
            }

            text.AppendLine();
            if (r == 0)
            {
                text.AppendLine(new string('-', widths.Sum() + (2 * (columns - 1))));
            }
        }

        return text.ToString();
    }
}
