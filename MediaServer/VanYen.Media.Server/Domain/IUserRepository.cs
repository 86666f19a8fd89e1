namespace VanYen.Media.Server.Domain;

/// <summary>Console users.</summary>
public interface IUserRepository
{
    /// <summary>The user, or <see langword="null"/>.</summary>
    Task<User?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The user with this sign-in name (any letter case), or <see langword="null"/>.</summary>
    Task<User?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Users whose scope is the area or lies below it, by username.</summary>
    Task<IReadOnlyList<User>> GetInAreaAsync(long areaId, CancellationToken cancellationToken = default);

    /// <summary>How many users exist (0 on a fresh install).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a user; the username is stored in lower case.</summary>
    /// <exception cref="DomainValidationException">Malformed username, empty display name or hash, unknown scope area.</exception>
    /// <exception cref="DomainConflictException">The username is taken.</exception>
    Task<User> AddAsync(NewUser user, CancellationToken cancellationToken = default);

    /// <summary>Changes display name, role and scope (not the username or the password).</summary>
    /// <exception cref="DomainNotFoundException">No such user.</exception>
    /// <exception cref="DomainValidationException">Empty display name or unknown scope area.</exception>
    Task<User> UpdateAsync(long id, string displayName, UserRole role, long scopeAreaId, CancellationToken cancellationToken = default);

    /// <summary>Stores a new password hash (a changed password, or a re-hash with more iterations).</summary>
    /// <exception cref="DomainNotFoundException">No such user.</exception>
    Task SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Removes a user; false when there was no such user. Their audit entries stay.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);
}
