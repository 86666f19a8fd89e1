namespace VanYen.Media.Server.Hosting;

/// <summary>
/// The web client's pages under their plain addresses (/console, /meet/{id}…): each is one HTML file in wwwroot
/// whose script reads what it needs from the address. Sign-in is checked by the page's API calls, not here, so a
/// page can tell the user why and offer the sign-in form.
/// </summary>
public static class WebClientPageEndpoints
{
    private static readonly (string Route, string File)[] Pages =
    [
        ("/login", "login.html"),
        ("/console", "console.html"),
        ("/dashboard", "dashboard.html"),
        ("/speaker", "speaker.html"),
        ("/meet", "meet.html"),
        ("/meet/{id}", "meet.html"),
        ("/consult", "consult.html"),
        ("/consult/{id}", "consult.html"),
    ];

    /// <summary>Maps every page whose file exists in <paramref name="webRoot"/>.</summary>
    public static IEndpointRouteBuilder MapWebClientPages(this IEndpointRouteBuilder endpoints, string webRoot)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach ((string route, string file) in Pages)
        {
            string path = Path.Combine(webRoot, file);
            endpoints.MapGet(route, () => File.Exists(path)
                    ? Results.File(path, "text/html; charset=utf-8")
                    : Results.NotFound())
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return endpoints;
    }
}
