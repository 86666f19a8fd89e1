namespace VanYen.Media.Server.Domain;

/// <summary>Receiver devices and their secret hashes.</summary>
public interface IReceiverRepository
{
    /// <summary>The receiver, or <see langword="null"/>.</summary>
    Task<Receiver?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// The receiver whose secret hashes to <paramref name="secretHash"/>, or <see langword="null"/>:
    /// a device authenticates by its secret alone (<c>Security.DeviceSecret.Hash</c> is deterministic).
    /// </summary>
    Task<Receiver?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken = default);

    /// <summary>The receivers of one cluster, by name.</summary>
    Task<IReadOnlyList<Receiver>> GetByClusterAsync(long clusterId, CancellationToken cancellationToken = default);

    /// <summary>Every receiver of every cluster in the area or below it.</summary>
    Task<IReadOnlyList<Receiver>> GetInAreaAsync(long areaId, CancellationToken cancellationToken = default);

    /// <summary>Registers a receiver.</summary>
    /// <exception cref="DomainValidationException">Empty name, malformed hash, or unknown cluster.</exception>
    /// <exception cref="DomainConflictException">Another receiver has the same secret.</exception>
    Task<Receiver> AddAsync(NewReceiver receiver, CancellationToken cancellationToken = default);

    /// <summary>Records that the device connected at <paramref name="at"/>.</summary>
    /// <exception cref="DomainNotFoundException">No such receiver.</exception>
    Task MarkSeenAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Rotates the device secret.</summary>
    /// <exception cref="DomainNotFoundException">No such receiver.</exception>
    /// <exception cref="DomainConflictException">Another receiver has the same secret.</exception>
    Task ReplaceSecretHashAsync(long id, string secretHash, CancellationToken cancellationToken = default);

    /// <summary>Removes a receiver; false when there was no such receiver.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);
}
