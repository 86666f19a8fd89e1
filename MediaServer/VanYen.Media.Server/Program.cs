namespace VanYen.Media.Server;

/// <summary>Entry point of the media server host.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        await using var app = MediaServerApp.Build(args);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
