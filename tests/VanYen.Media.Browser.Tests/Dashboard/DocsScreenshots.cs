namespace VanYen.Media.Browser.Tests.Dashboard;

/// <summary>Where the tests write the screenshots the README shows: docs/screenshots/ at the repository root.</summary>
internal static class DocsScreenshots
{
    /// <summary>The path of <paramref name="fileName"/> in docs/screenshots (created), found by walking up to VanYen.Media.sln.</summary>
    public static string PathOf(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VanYen.Media.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new DirectoryNotFoundException("VanYen.Media.sln not found above " + AppContext.BaseDirectory);
        }

        string folder = Path.Combine(directory.FullName, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
