using Microsoft.AspNetCore.Mvc;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Security;

namespace VanYen.Media.Server.Api;

/// <summary>
/// <c>/api/users</c>: admins manage the users of their scope. Nobody creates, changes or removes a user outside their
/// scope or gives a role above their own.
/// </summary>
public static class UserEndpoints
{
    /// <summary>Shortest password accepted.</summary>
    public const int MinPasswordLength = 10;

    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(AuthPolicies.Manage)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapGet("/", ListAsync)
            .WithSummary("Users whose scope lies in an area (default: the caller's scope).")
            .Produces<IReadOnlyList<UserView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapGet("/{id:long}", GetAsync)
            .WithSummary("One user.")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/", CreateAsync)
            .WithSummary("Adds a user with a role and a scope inside the caller's; without a password, one is generated and returned once.")
            .Produces<UserCreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPatch("/{id:long}", UpdateAsync)
            .WithSummary("Changes a user's display name, role or scope; their sign-ins end.")
            .Produces<UserView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{id:long}/password", SetPasswordAsync)
            .WithSummary("Resets a user's password (generated and returned once when none is given); their sign-ins end.")
            .Produces<UserCreatedResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapDelete("/{id:long}", DeleteAsync)
            .WithSummary("Removes a user (not oneself); their audit entries stay.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(long? areaId, HttpContext context, [FromServices] IUserRepository users)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        long area = scope.ViewableAreaOrScope(areaId);
        scope.Require(ScopeAction.Manage, area, $"Area {area}");
        var found = await users.GetInAreaAsync(area, context.RequestAborted).ConfigureAwait(false);
        return Results.Ok(found.Select(UserView.From).ToArray());
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, [FromServices] IUserRepository users)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        return Results.Ok(UserView.From(await RequireManagedUserAsync(scope, users, id, context.RequestAborted).ConfigureAwait(false)));
    }

    private static async Task<IResult> CreateAsync(CreateUserRequest request, HttpContext context, [FromServices] IUserRepository users, [FromServices] PasswordHasher hasher)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        RequireGrantable(scope, request.Role, request.ScopeAreaId);
        string? generated = request.Password is null ? PasswordGenerator.Generate() : null;
        string password = request.Password ?? generated!;
        RequireStrongPassword(password);
        var user = await users.AddAsync(
            new NewUser(request.Username, request.DisplayName, hasher.Hash(password), request.Role, request.ScopeAreaId),
            context.RequestAborted).ConfigureAwait(false);
        await ApiAudit.AppendAsync(context, scope.Caller, "user.created", "user", user.Id, user.ScopeAreaId, new { user.Username, user.Role, user.ScopeAreaId }).ConfigureAwait(false);
        return Results.Created($"/api/users/{user.Id}", new UserCreatedResponse(UserView.From(user), generated));
    }

    private static async Task<IResult> UpdateAsync(long id, UpdateUserRequest request, HttpContext context, [FromServices] IUserRepository users, [FromServices] UserConnections connections)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var user = await RequireManagedUserAsync(scope, users, id, context.RequestAborted).ConfigureAwait(false);
        var role = request.Role ?? user.Role;
        long scopeAreaId = request.ScopeAreaId ?? user.ScopeAreaId;
        RequireGrantable(scope, role, scopeAreaId);
        var updated = await users.UpdateAsync(id, request.DisplayName ?? user.DisplayName, role, scopeAreaId, context.RequestAborted).ConfigureAwait(false);

        // A demotion or a narrower scope takes effect on open consoles now, not at their next reconnect.
        connections.CloseStale(updated);
        await ApiAudit.AppendAsync(context, scope.Caller, "user.updated", "user", id, updated.ScopeAreaId, new { updated.DisplayName, updated.Role, updated.ScopeAreaId }).ConfigureAwait(false);
        return Results.Ok(UserView.From(updated));
    }

    private static async Task<IResult> SetPasswordAsync(long id, SetPasswordRequest? request, HttpContext context, [FromServices] IUserRepository users, [FromServices] PasswordHasher hasher, [FromServices] UserConnections connections)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        var user = await RequireManagedUserAsync(scope, users, id, context.RequestAborted).ConfigureAwait(false);
        string? generated = request?.Password is null ? PasswordGenerator.Generate() : null;
        string password = request?.Password ?? generated!;
        RequireStrongPassword(password);
        await users.SetPasswordHashAsync(id, hasher.Hash(password), context.RequestAborted).ConfigureAwait(false);

        // A password is reset when it leaked: whoever signed in with the old one is cut off, including open consoles.
        if (await users.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is { } changed)
        {
            connections.CloseStale(changed);
        }

        await ApiAudit.AppendAsync(context, scope.Caller, "user.password-reset", "user", id, user.ScopeAreaId).ConfigureAwait(false);
        return Results.Ok(new UserCreatedResponse(UserView.From(user), generated));
    }

    private static async Task<IResult> DeleteAsync(long id, HttpContext context, [FromServices] IUserRepository users, [FromServices] UserConnections connections)
    {
        var scope = await CallerScope.LoadAsync(context).ConfigureAwait(false);
        if (id == scope.Caller.Id)
        {
            throw new DomainValidationException(ApiErrors.CannotDeleteSelf, "You cannot remove yourself: another admin can.");
        }

        var user = await RequireManagedUserAsync(scope, users, id, context.RequestAborted).ConfigureAwait(false);
        await users.DeleteAsync(id, context.RequestAborted).ConfigureAwait(false);
        connections.CloseUser(id);
        await ApiAudit.AppendAsync(context, scope.Caller, "user.deleted", "user", id, user.ScopeAreaId, new { user.Username }).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<User> RequireManagedUserAsync(CallerScope scope, IUserRepository users, long id, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainNotFoundException(DomainErrors.UserNotFound, $"There is no user {id}.");
        scope.Require(ScopeAction.Manage, user.ScopeAreaId, $"User {id}");
        if (scope.IsAboveCaller(user.Role))
        {
            throw new DomainForbiddenException(ApiErrors.RoleAboveCaller, $"User {id} has a role above yours.");
        }

        return user;
    }

    private static void RequireGrantable(CallerScope scope, UserRole role, long scopeAreaId)
    {
        scope.RequireArea(scopeAreaId);
        scope.Require(ScopeAction.Manage, scopeAreaId, $"Area {scopeAreaId}");
        if (scope.IsAboveCaller(role))
        {
            throw new DomainForbiddenException(ApiErrors.RoleAboveCaller, $"You cannot give the role '{UserClaims.RoleName(role)}', which is above your own.");
        }
    }

    private static void RequireStrongPassword(string password)
    {
        if (password.Length < MinPasswordLength)
        {
            throw new DomainValidationException(ApiErrors.WeakPassword, $"The password must have at least {MinPasswordLength} characters.");
        }
    }
}
