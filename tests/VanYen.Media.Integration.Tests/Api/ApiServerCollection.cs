namespace VanYen.Media.Integration.Tests.Api;

/// <summary>The API test classes share one server and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ApiServerCollection : ICollectionFixture<ApiServerFixture>
{
    public const string Name = "api-server";
}
