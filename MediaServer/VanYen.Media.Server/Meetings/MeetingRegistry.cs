using System.Collections.Concurrent;

namespace VanYen.Media.Server.Meetings;

/// <summary>The meetings held in memory (a server restart ends them; their recordings stay on disk).</summary>
public sealed class MeetingRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Meeting> _meetings = new(StringComparer.Ordinal);

    /// <summary>Creates a meeting chaired by a user, with a fresh id and chair token.</summary>
    public Meeting Create(string title, long chairUserId, string chairName)
    {
        while (true)
        {
            var meeting = new Meeting(MeetingSecrets.NewMeetingId(), title, chairUserId, chairName, MeetingSecrets.NewToken(), time.GetUtcNow());
            if (_meetings.TryAdd(meeting.Id, meeting))
            {
                return meeting;
            }
        }
    }

    /// <summary>The meeting with <paramref name="meetingId"/>, if any.</summary>
    public bool TryGet(string meetingId, out Meeting meeting) => _meetings.TryGetValue(meetingId, out meeting!);

    /// <summary>The meetings a user chairs, newest first.</summary>
    public IReadOnlyList<Meeting> ListChairedBy(long userId)
    {
        var list = new List<Meeting>();
        foreach (Meeting meeting in _meetings.Values)
        {
            if (meeting.ChairUserId == userId)
            {
                list.Add(meeting);
            }
        }

        list.Sort((left, right) => right.Created.CompareTo(left.Created));
        return list;
    }

    /// <summary>Every meeting (for the hub's connection lookups).</summary>
    public ICollection<Meeting> All => _meetings.Values;
}
