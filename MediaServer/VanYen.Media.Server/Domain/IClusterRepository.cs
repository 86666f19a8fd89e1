namespace VanYen.Media.Server.Domain;

/// <summary>Loudspeaker clusters (cụm loa).</summary>
public interface IClusterRepository
{
    /// <summary>The cluster, or <see langword="null"/>.</summary>
    Task<Cluster?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Every cluster in the area or below it, by name.</summary>
    Task<IReadOnlyList<Cluster>> GetInAreaAsync(long areaId, CancellationToken cancellationToken = default);

    /// <summary>Adds a cluster to a village or commune.</summary>
    /// <exception cref="DomainValidationException">Empty name, volume outside 0–100, unknown area, or a district.</exception>
    Task<Cluster> AddAsync(NewCluster cluster, CancellationToken cancellationToken = default);

    /// <summary>Stores a changed cluster (name, location, area, volume, hours).</summary>
    /// <exception cref="DomainNotFoundException">No such cluster.</exception>
    /// <exception cref="DomainValidationException">As for <see cref="AddAsync"/>.</exception>
    Task<Cluster> UpdateAsync(Cluster cluster, CancellationToken cancellationToken = default);

    /// <summary>Removes a cluster and its receivers; false when there was no such cluster.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);
}
