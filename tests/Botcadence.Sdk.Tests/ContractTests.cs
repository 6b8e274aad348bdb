using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace Botcadence.Sdk.Tests;

/// <summary>docs/openapi.yaml is the source of truth: every operation in it must exist in the server and in the SDK.</summary>
[TestFixture]
public sealed partial class ContractTests
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private static List<(string Method, string Path, string OperationId)> ContractOperations()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(TestContext.CurrentContext.TestDirectory, "openapi.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var paths = (YamlMappingNode)root.Children[new YamlScalarNode("paths")];
        var operations = new List<(string, string, string)>();
        foreach (var (pathNode, itemNode) in paths.Children)
        {
            foreach (var (methodNode, operation) in ((YamlMappingNode)itemNode).Children)
            {
                var method = ((YamlScalarNode)methodNode).Value!;
                if (Methods.Contains(method))
                {
                    var id = ((YamlScalarNode)((YamlMappingNode)operation).Children[new YamlScalarNode("operationId")]).Value!;
                    operations.Add((method.ToUpperInvariant(), Normalize(((YamlScalarNode)pathNode).Value!), id));
                }
            }
        }

        return operations;
    }

    private static string Normalize(string path) => ParameterPattern().Replace(path.TrimEnd('/'), "{}");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();

    [Test]
    public void The_contract_has_the_workflows_and_executions_operations()
    {
        var ids = ContractOperations().Select(o => o.OperationId).ToList();

        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.SupersetOf(new[]
        {
            "listWorkflows", "createWorkflow", "getWorkflow", "updateWorkflow", "replaceWorkflow", "deleteWorkflow",
            "activateWorkflow", "deactivateWorkflow", "executeWorkflow", "getWorkflowMetrics",
            "listWorkflowExecutions", "listExecutions", "getExecution", "getWorkflowExecution",
        }));
    }

    [Test]
    public void Every_operation_exists_in_the_reference_server()
    {
        var routes = ServerFixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        var missing = ContractOperations().Where(o => !routes.Contains($"{o.Method} /v1{o.Path}")).Select(o => $"{o.OperationId} ({o.Method} {o.Path})");

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_operation_exists_in_the_sdk()
    {
        var sdkRoutes = typeof(BotCadenceClient).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.Name.EndsWith("Api", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<Refit.HttpMethodAttribute>())
            .Where(a => a is not null)
            .Select(a => $"{a!.Method.Method} {Normalize(a.Path)}")
            .ToHashSet();

        var missing = ContractOperations().Where(o => !sdkRoutes.Contains($"{o.Method} {o.Path}")).Select(o => $"{o.OperationId} ({o.Method} {o.Path})");

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void No_refit_type_is_public()
    {
        var leaks = typeof(BotCadenceClient).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(m => m switch
                {
                    MethodInfo mi => mi.GetParameters().Select(p => p.ParameterType).Append(mi.ReturnType),
                    PropertyInfo pi => [pi.PropertyType],
                    ConstructorInfo ci => ci.GetParameters().Select(p => p.ParameterType),
                    _ => [],
                })
                .Concat(t.GetInterfaces()).Append(t.BaseType ?? typeof(object))
                .Select(type => (Owner: t, Type: type)))
            .Where(x => x.Type.Namespace?.StartsWith("Refit", StringComparison.Ordinal) == true || x.Type.Namespace?.StartsWith("Polly", StringComparison.Ordinal) == true)
            .Select(x => $"{x.Owner.FullName} exposes {x.Type.FullName}");

        Assert.That(leaks, Is.Empty);
    }
}
