namespace Goldfeder.Tests.Architecture;

/// <summary>The application's source files, read from the repository the tests were built from.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string App => Path.Combine(Root, "src", "Goldfeder");

    /// <summary>Hand-written C# and Razor files under a folder of the app (generated migrations excluded), with paths relative to the app.</summary>
    public static IEnumerable<(string Path, string Text)> Files(string folder = "")
    {
        var start = Path.Combine(App, folder);
        if (!Directory.Exists(start)) yield break;
        foreach (var file in Directory.EnumerateFiles(start, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(App, file).Replace('\\', '/');
            if (!(file.EndsWith(".cs") || file.EndsWith(".cshtml"))) continue;
            if (relative.StartsWith("bin/") || relative.StartsWith("obj/") || relative.StartsWith("Data/Migrations/")) continue;
            yield return (relative, File.ReadAllText(file));
        }
    }

    public static IEnumerable<string> FeatureNames() =>
        Directory.EnumerateDirectories(Path.Combine(App, "Features")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Goldfeder.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Goldfeder.slnx above {AppContext.BaseDirectory}: the architecture tests read the source tree.");
    }
}
