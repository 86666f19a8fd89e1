using System.Text.Json;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Meetings;

public sealed partial class MeetingService
{
    /// <summary>
    /// Writes one meeting audit entry by the chair, in the chair's scope area (a meeting has no area of its own: it is
    /// the chair's, so those who may read the chair's area may read what the chair did).
    /// </summary>
    private Task AuditAsync(User caller, string action, Meeting meeting, IReadOnlyDictionary<string, string?>? details = null)
    {
        var written = new Dictionary<string, string?> { ["title"] = meeting.Title };
        if (details is not null)
        {
            foreach (KeyValuePair<string, string?> detail in details)
            {
                written[detail.Key] = detail.Value;
            }
        }

        return _audit.AppendAsync(
            NewAuditEntry.By(caller, action) with
            {
                TargetKind = "meeting",
                TargetId = meeting.Id,
                AreaId = caller.ScopeAreaId,
                DetailsJson = JsonSerializer.Serialize(written),
            },
            CancellationToken.None);
    }
}
