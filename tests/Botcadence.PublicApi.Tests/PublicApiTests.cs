using System.Reflection;
using PublicApiGenerator;

namespace Botcadence.PublicApi.Tests;

/// <summary>
/// The public API of every shipped assembly, compared with its checked-in snapshot <c>api/&lt;AssemblyName&gt;.txt</c>,
/// so every change to the public surface shows in review. On a difference the test writes the new text to the snapshot
/// file and fails: review <c>git diff api/</c> and commit the file if the change is intended.
/// </summary>
[TestFixture]
public sealed class PublicApiTests
{
    /// <summary>The packages' assemblies; the reference server ships inside Botcadence.Sdk.Testing (lib/).</summary>
    private static readonly string[] Assemblies =
    [
        "Botcadence.Sdk",
        "Botcadence.Sdk.AspNetCore",
        "Botcadence.Sdk.AspNetCore.Redis",
        "Botcadence.Sdk.Redis",
        "Botcadence.Sdk.Testing",
        "Botcadence.ReferenceServer",
    ];

    private static readonly ApiGeneratorOptions Options = new()
    {
        // Attributes that differ by target framework or build, not by API.
        ExcludeAttributes =
        [
            "System.Runtime.Versioning.TargetFrameworkAttribute",
            "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            "System.Reflection.AssemblyMetadataAttribute",
        ],
    };

    [TestCaseSource(nameof(Assemblies))]
    public void Public_api_matches_the_checked_in_snapshot(string assemblyName)
    {
        var assembly = Assembly.Load(new AssemblyName(assemblyName));
        var actual = Normalize(assembly.GeneratePublicApi(Options));
        var path = Path.Combine(RepositoryRoot(), "api", assemblyName + ".txt");
        var approved = File.Exists(path) ? Normalize(File.ReadAllText(path)) : null;

        if (actual == approved)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, actual);
        Assert.Fail(
            $"The public API of {assemblyName} differs from api/{assemblyName}.txt " +
            $"({(approved is null ? "no snapshot yet" : "changed")}). The new API has been written to {path}. " +
            "If the change is intended: review it with `git diff api/`, commit the file with your change, and run the test " +
            "again (it passes). If not: change the code back and `git checkout api/`.");
    }

    /// <summary>LF line endings and exactly one final newline, whatever the platform wrote.</summary>
    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";

    /// <summary>The folder holding Botcadence.Sdk.sln, found upwards from the test assembly's folder.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Botcadence.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Botcadence.Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
