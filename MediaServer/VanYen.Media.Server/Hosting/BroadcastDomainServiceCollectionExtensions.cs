using Microsoft.Extensions.DependencyInjection.Extensions;
using VanYen.Media.Server.Audit;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Domain.Sqlite;
using VanYen.Media.Server.Security;
using VanYen.Media.Server.Seeding;

namespace VanYen.Media.Server.Hosting;

/// <summary>Registers the broadcast domain: areas, clusters, receivers, users, the audit log and demo seeding.</summary>
public static class BroadcastDomainServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SQLite repositories, <see cref="PasswordHasher"/> and the demo seeding service
    /// (call after the database migration service, which it relies on: it also migrates, idempotently).
    /// </summary>
    public static IServiceCollection AddBroadcastDomain(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DemoSeedOptions>().Bind(configuration.GetSection(MediaServerOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SqliteDomainTransactions>();
        services.AddSingleton<IDomainTransactions>(provider => provider.GetRequiredService<SqliteDomainTransactions>());
        services.AddSingleton<IAreaRepository, SqliteAreaRepository>();
        services.AddSingleton<IClusterRepository, SqliteClusterRepository>();
        services.AddSingleton<IReceiverRepository, SqliteReceiverRepository>();
        services.AddSingleton<IUserRepository, SqliteUserRepository>();
        services.AddSingleton<ITtsAbbreviationRepository, SqliteTtsAbbreviationRepository>();
        services.AddSingleton<IAuditLog, SqliteAuditLog>();
        services.AddSingleton(new PasswordHasher());

        services.AddSingleton<DemoDistrictSeeder>();
        services.AddHostedService<DemoSeedingService>();
        return services;
    }
}
