using System.Text.Json;

namespace Botcadence.Sdk.Tests;

/// <summary>
/// The net8.0 dependency floor (docs/dependencies.md): the SDK's net8.0 target resolves every Microsoft.Extensions.*
/// and System.* package at 8.x, so a net8.0 app is not upgraded by referencing it. Read from the SDK's restore output
/// (obj/project.assets.json), which the restore of this test project writes.
/// </summary>
[TestFixture]
public sealed class DependencyFloorTests
{
    /// <summary>System.* packages allowed above 8.x on net8.0, and why.</summary>
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["System.Net.ServerSentEvents"] = "Refit 16 asks for 10.0.13 on net8.0; it is not part of .NET 8, so nothing of the app's is upgraded",
    };

    [Test]
    public void The_net8_target_resolves_Microsoft_Extensions_and_System_packages_at_8x()
    {
        var packages = ResolvedPackages("Botcadence.Sdk", "net8.0");
        Assert.That(packages.Keys, Has.Some.StartsWith("Microsoft.Extensions.Http"), "the assets file lists the SDK's net8.0 packages");

        var above = packages
            .Where(p => p.Key.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || p.Key.StartsWith("System.", StringComparison.Ordinal))
            .Where(p => !Exceptions.ContainsKey(p.Key) && p.Value.Major != 8)
            .Select(p => $"{p.Key} {p.Value}")
            .ToList();

        Assert.That(above, Is.Empty, "net8.0 dependencies above the 8.x floor: " + string.Join(", ", above));
        Assert.That(packages.ContainsKey("System.Text.Json"), Is.False, "net8.0 uses the System.Text.Json of the runtime");
    }

    [Test]
    public void The_net10_target_stays_on_10x()
    {
        var packages = ResolvedPackages("Botcadence.Sdk", "net10.0");

        Assert.That(packages["Microsoft.Extensions.Http"].Major, Is.EqualTo(10));
        Assert.That(packages["Microsoft.Extensions.Options"].Major, Is.EqualTo(10));
    }

    private static Dictionary<string, Version> ResolvedPackages(string project, string framework)
    {
        var assets = Path.Combine(RepositoryRoot(), "src", project, "obj", "project.assets.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(assets));
        var target = document.RootElement.GetProperty("targets").EnumerateObject().Single(t => t.Name == framework).Value;
        return target.EnumerateObject()
            .Where(p => p.Value.GetProperty("type").GetString() == "package")
            .Select(p => p.Name.Split('/'))
            .ToDictionary(p => p[0], p => Version.Parse(p[1].Split('-')[0]), StringComparer.OrdinalIgnoreCase);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Botcadence.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Botcadence.Sdk.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
