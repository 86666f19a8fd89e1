using System.Globalization;
using System.Text.Json;

namespace VanYen.Media.Server.Meetings;

/// <summary>
/// Where meeting recordings live: <c>{data}/meetings/{meetingId}/{meetingId}-{yyyyMMdd-HHmmss}.ogg</c>. They are listed
/// from disk, so they outlive the meeting (held in memory) and a restart.
/// </summary>
public sealed class MeetingRecordingStore(string rootDirectory)
{
    private const string InfoFileName = "meeting.json";

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

    /// <summary>Writes the meeting's <c>meeting.json</c> once (the first recording), so its chair finds it later.</summary>
    public void Remember(MeetingRecordingInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        string directory = DirectoryOf(info.MeetingId);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, InfoFileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, JsonSerializer.Serialize(info));
        }
    }

    /// <summary>The meeting's remembered info; false when it never recorded (or the file is unreadable).</summary>
    public bool TryRecall(string meetingId, out MeetingRecordingInfo info)
    {
        info = null!;
        if (!IsPlainName(meetingId))
        {
            return false;
        }

        string path = Path.Combine(DirectoryOf(meetingId), InfoFileName);
        try
        {
            if (File.Exists(path) && JsonSerializer.Deserialize<MeetingRecordingInfo>(File.ReadAllText(path)) is { } read && read.MeetingId == meetingId)
            {
                info = read;
                return true;
            }
        }
        catch (Exception failure) when (failure is IOException or JsonException or UnauthorizedAccessException)
        {
            // A damaged or unreadable meeting.json: that meeting's recordings are left out, the others still list.
        }

        return false;
    }

    /// <summary>Every remembered meeting chaired by <paramref name="userId"/>, newest first.</summary>
    public IReadOnlyList<MeetingRecordingInfo> RecallChairedBy(long userId)
    {
        var found = new List<MeetingRecordingInfo>();
        if (!Directory.Exists(RootDirectory))
        {
            return found;
        }

        foreach (string directory in Directory.EnumerateDirectories(RootDirectory))
        {
            if (TryRecall(Path.GetFileName(directory), out MeetingRecordingInfo info) && info.ChairUserId == userId)
            {
                found.Add(info);
            }
        }

        found.Sort((left, right) => right.Created.CompareTo(left.Created));
        return found;
    }

    private static bool IsPlainName(string meetingId) =>
        !string.IsNullOrEmpty(meetingId) && meetingId == Path.GetFileName(meetingId) && !meetingId.Contains("..", StringComparison.Ordinal);

    private string DirectoryOf(string meetingId) => Path.Combine(RootDirectory, meetingId);
}
