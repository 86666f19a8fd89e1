namespace VanYen.Media.Server;

/// <summary>Builds the web application: one place, so tests start exactly what <c>Program</c> starts.</summary>
public static class MediaServerApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        return app;
    }
}
