using Microsoft.Extensions.Options;
using VanYen.Media.Server.Storage;

namespace VanYen.Media.Server.Seeding;

/// <summary>Runs <see cref="DemoDistrictSeeder"/> at start-up unless <c>VanYen:SeedDemo</c> is false.</summary>
public sealed class DemoSeedingService(
    SqliteDatabase database,
    DemoDistrictSeeder seeder,
    IOptions<DemoSeedOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemo)
        {
            return;
        }

        // Migrating is idempotent; doing it here too keeps seeding correct whatever order the hosted services are registered in.
        database.Migrate(SchemaMigrations.All);
        await seeder.SeedIfEmptyAsync(Console.Out, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
