using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Botcadence.Sdk.Tests;

/// <summary>The other direction for the resources added with Credentials … API keys: every SDK route is in the contract.</summary>
[TestFixture]
public sealed partial class MoreResourcesContractTests
{
    private static readonly Type[] Apis =
    [
        typeof(ICredentialsApi), typeof(IIntegrationsApi), typeof(IDataSourcesApi), typeof(IUsersApi),
        typeof(IAgentsApi), typeof(IAnalyticsApi), typeof(IApiKeysApi),
    ];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();

    [Test]
    public void Every_sdk_route_of_these_resources_is_in_the_contract_with_a_scope_or_session_auth()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(TestContext.CurrentContext.TestDirectory, "openapi.yaml")))
        {
            yaml.Load(reader);
        }

        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("paths")];
        var contract = new Dictionary<string, YamlMappingNode>();
        foreach (var (path, item) in paths.Children)
        {
            foreach (var (method, operation) in ((YamlMappingNode)item).Children)
            {
                contract[$"{((YamlScalarNode)method).Value!.ToUpperInvariant()} {ParameterPattern().Replace(((YamlScalarNode)path).Value!, "{}")}"] = (YamlMappingNode)operation;
            }
        }

        var routes = Apis.SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<Refit.HttpMethodAttribute>()!)
            .Select(a => $"{a.Method.Method} {ParameterPattern().Replace(a.Path, "{}")}")
            .ToList();

        Assert.That(routes, Has.Count.EqualTo(21));
        Assert.That(routes.Where(r => !contract.ContainsKey(r)), Is.Empty);
        var unguarded = routes.Where(r => contract.TryGetValue(r, out var op)
            && !op.Children.ContainsKey(new YamlScalarNode("x-botcadence-scope"))
            && !op.Children.ContainsKey(new YamlScalarNode("security")));
        Assert.That(unguarded, Is.Empty);
    }
}
