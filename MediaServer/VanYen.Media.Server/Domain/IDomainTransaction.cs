namespace VanYen.Media.Server.Domain;

/// <summary>
/// An open unit of work. Repository calls made in the same async flow join it;
/// disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public interface IDomainTransaction : IAsyncDisposable
{
    /// <summary>Makes every change made in the transaction permanent.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
