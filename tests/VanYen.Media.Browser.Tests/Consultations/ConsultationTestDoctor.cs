using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using VanYen.Media.Server.Domain;
using VanYen.Media.Server.Domain.Sqlite;
using VanYen.Media.Server.Hosting;
using VanYen.Media.Server.Security;
using VanYen.Media.Server.Storage;

namespace VanYen.Media.Browser.Tests.Consultations;

/// <summary>A data folder with a district and one doctor whose password the test knows (no demo seeding: faster).</summary>
internal sealed record ConsultationTestDoctor(string DataDirectory, string Username, string Password)
{
    public static async Task<ConsultationTestDoctor> CreateAsync()
    {
        string directory = Directory.CreateTempSubdirectory("vanyen-consult-").FullName;
        var options = Microsoft.Extensions.Options.Options.Create(new MediaServerOptions { DataDirectory = directory });
        var database = new SqliteDatabase(options, NullLogger<SqliteDatabase>.Instance);
        database.Migrate(SchemaMigrations.All);
        var transactions = new SqliteDomainTransactions(database);
        var areas = new SqliteAreaRepository(transactions);
        var users = new SqliteUserRepository(transactions, TimeProvider.System);
        Area district = await areas.AddAsync(new NewArea(null, AreaKind.District, "Huyện Văn Yên"));
        string password = "consult-test-" + Guid.NewGuid().ToString("N")[..8];
        var hasher = new PasswordHasher(PasswordHasher.MinimumIterations);
        await users.AddAsync(new NewUser("bacsi.huyen", "Bác sĩ Lê Thu Huyền", hasher.Hash(password), UserRole.Viewer, district.Id));
        SqliteConnection.ClearAllPools();
        return new ConsultationTestDoctor(directory, "bacsi.huyen", password);
    }
}
