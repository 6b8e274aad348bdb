namespace Botcadence.BrowserTests;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest ancestor of the test binaries holding Botcadence.Sdk.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Contract => Path.Combine(Root, "docs", "openapi.yaml");

    public static string BrowserArtifacts => Path.Combine(Root, "artifacts", "browser");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Botcadence.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Botcadence.Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
