using Microsoft.AspNetCore.SignalR;
using VanYen.Media.Server.Domain;

namespace VanYen.Media.Server.Auth;

/// <summary>
/// Puts every hub connection opened with a person's sign-in into <see cref="UserConnections"/>, on every hub, and
/// refuses one whose sign-in changed between its authentication and its opening.
/// </summary>
public sealed class SignInHubFilter(UserConnections connections, IUserRepository users) : IHubFilter
{
    /// <inheritdoc />
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        HubCallerContext caller = context.Context;
        if (caller.User is { Identity.IsAuthenticated: true } principal && UserClaims.TryGetUserId(principal, out long userId))
        {
            string? stamp = principal.FindFirst(UserClaims.Stamp)?.Value;
            connections.Add(caller.ConnectionId, userId, stamp, principal.FindFirst(UserClaims.Session)?.Value, caller.Abort);

            // Kept first, checked second: a change that lands in between closes it through the registry instead.
            User? stored = await users.GetAsync(userId, caller.ConnectionAborted).ConfigureAwait(false);
            if (stored is null || UserClaims.StampOf(stored) != stamp)
            {
                connections.Remove(caller.ConnectionId);
                throw new HubException("401 Unauthorized: this sign-in is no longer valid (the user was removed, or their password, role or scope changed): sign in again.");
            }
        }

        await next(context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        connections.Remove(context.Context.ConnectionId);
        await next(context, exception).ConfigureAwait(false);
    }
}
