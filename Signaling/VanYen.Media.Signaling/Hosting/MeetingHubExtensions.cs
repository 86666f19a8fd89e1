using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using VanYen.Media.Signaling.Hubs;

namespace VanYen.Media.Signaling.Hosting;

/// <summary>Maps the <see cref="MeetingHub"/>; the host registers its <see cref="Contracts.Meetings.IMeetingConductor"/>.</summary>
public static class MeetingHubExtensions
{
    /// <summary>Maps <see cref="MeetingHub"/> at <see cref="MeetingHub.Path"/>.</summary>
    public static IEndpointRouteBuilder MapMeetingHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<MeetingHub>(MeetingHub.Path);
        return endpoints;
    }
}
