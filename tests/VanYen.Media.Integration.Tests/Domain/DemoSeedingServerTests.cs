using VanYen.Media.Tests.Shared;

namespace VanYen.Media.Integration.Tests.Domain;

public class DemoSeedingServerTests
{
    [Fact]
    public async Task TheRealServerPrintsTheLoginTableOnTheFirstStartOnly()
    {
        string dataDirectory = Directory.CreateTempSubdirectory("vanyen-seed-").FullName;
        try
        {
            string firstOutput;
            await using (var first = await ServerProcess.StartAsync(dataDirectory))
            {
                firstOutput = first.Output;
            }

            await using (var second = await ServerProcess.StartAsync(dataDirectory))
            {
                Assert.DoesNotContain("Password", second.Output, StringComparison.Ordinal);
            }

            Assert.Contains("shown ONCE", firstOutput, StringComparison.Ordinal);
            Assert.Matches(@"admin\s+admin\s+Huyện Văn Yên\s+[A-Za-z0-9]{16}", firstOutput);
            string logins = await File.ReadAllTextAsync(Path.Combine(dataDirectory, "demo-logins.txt"));
            Assert.Contains("pt.lang-hoc", logins, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task SeedDemoFalseStartsWithoutDemoData()
    {
        string dataDirectory = Directory.CreateTempSubdirectory("vanyen-seed-").FullName;
        try
        {
            await using (var server = await ServerProcess.StartAsync(dataDirectory, "--VanYen:SeedDemo=false"))
            {
                Assert.DoesNotContain("shown ONCE", server.Output, StringComparison.Ordinal);
            }

            Assert.False(File.Exists(Path.Combine(dataDirectory, "demo-logins.txt")));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
