using System.Globalization;

namespace VanYen.Media.Server.Meetings;

/// <summary>
/// Where meeting recordings live: <c>{data}/meetings/{meetingId}/{meetingId}-{yyyyMMdd-HHmmss}.ogg</c>. They are listed
/// from disk, so they outlive the meeting (held in memory) and a restart.
/// </summary>
public sealed class MeetingRecordingStore(string rootDirectory)
{
    /// <summary>The folder of every meeting's recordings.</summary>
    public string RootDirectory { get; } = Path.GetFullPath(rootDirectory);

    /// <summary>A new file path for a recording of <paramref name="meetingId"/> starting at <paramref name="start"/> (the folder is created).</summary>
    public string NewFilePath(string meetingId, DateTimeOffset start)
    {
        string directory = DirectoryOf(meetingId);
        Directory.CreateDirectory(directory);
        string stem = meetingId + "-" + start.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string path = Path.Combine(directory, stem + ".ogg");
        for (int suffix = 2; File.Exists(path); suffix++)
        {
            path = Path.Combine(directory, stem + "-" + suffix.ToString(CultureInfo.InvariantCulture) + ".ogg");
        }

        return path;
    }

    /// <summary>The finished and running recordings of a meeting, oldest first.</summary>
    public IReadOnlyList<FileInfo> List(string meetingId)
    {
        var directory = new DirectoryInfo(DirectoryOf(meetingId));
        if (!directory.Exists)
        {
            return [];
        }

        var files = new List<FileInfo>(directory.GetFiles("*.ogg"));
        files.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        return files;
    }

    /// <summary>The path of one recording by its file name; false for a name that is not a plain file name of this meeting.</summary>
    public bool TryGetPath(string meetingId, string fileName, out string path)
    {
        path = string.Empty;
        if (string.IsNullOrEmpty(fileName) || fileName != Path.GetFileName(fileName) || !fileName.EndsWith(".ogg", StringComparison.Ordinal)
            || fileName.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        string candidate = Path.Combine(DirectoryOf(meetingId), fileName);
        if (!File.Exists(candidate))
        {
            return false;
        }

        path = candidate;
        return true;
    }

    private string DirectoryOf(string meetingId) => Path.Combine(RootDirectory, meetingId);
}
