using System.Reflection;
using System.Text.Json.Nodes;

namespace Botcadence.Sdk.Tests;

/// <summary>
/// Issue 15 point 3: every output model is immutable all the way down. Walks every public type deriving from
/// <see cref="BotCadenceResult"/> (plus <see cref="WebhookEvent"/>) and every SDK type reachable from their properties.
/// A public setter fails, <c>init</c> included (an <c>init</c> accessor still lets a caller build a changed copy through
/// an object initializer or <c>with</c>, which is not what "read-only model" promises), and so does a mutable
/// collection or mutable JSON type.
/// </summary>
[TestFixture]
public sealed class ImmutabilityTests
{
    private static readonly Type[] MutableGenericDefinitions =
    [
        typeof(List<>), typeof(IList<>), typeof(ICollection<>), typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(ISet<>), typeof(HashSet<>),
    ];

    private static readonly Type[] MutableTypes = [typeof(JsonNode), typeof(JsonObject), typeof(JsonArray), typeof(JsonValue)];

    internal static List<string> Violations(IEnumerable<Type> roots)
    {
        var sdk = typeof(BotCadenceResult).Assembly;
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        var violations = new List<string>();
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var where = $"{type.Name}.{property.Name}";
                if (property.SetMethod is { IsPublic: true })
                {
                    violations.Add($"{where} has a public setter");
                }

                foreach (var reached in Expand(property.PropertyType, where, violations))
                {
                    if (reached.Assembly == sdk && !reached.IsEnum)
                    {
                        queue.Enqueue(reached);
                    }
                }
            }
        }

        return violations;
    }

    private static IEnumerable<Type> Expand(Type type, string where, List<string> violations)
    {
        if (type.IsArray)
        {
            violations.Add($"{where} is an array ({type.Name})");
            yield break;
        }

        if (MutableTypes.Any(m => m.IsAssignableFrom(type)))
        {
            violations.Add($"{where} is a mutable JSON type ({type.Name})");
            yield break;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (MutableGenericDefinitions.Contains(definition))
            {
                violations.Add($"{where} is a mutable collection ({type.Name})");
            }

            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var inner in Expand(argument, where, violations))
                {
                    yield return inner;
                }
            }

            yield break;
        }

        yield return type;
    }

    [Test]
    public void Every_output_model_is_immutable_all_the_way_down()
    {
        var roots = typeof(BotCadenceResult).Assembly.GetExportedTypes()
            .Where(t => typeof(BotCadenceResult).IsAssignableFrom(t) || t == typeof(WebhookEvent) || t.Name.EndsWith("EventData", StringComparison.Ordinal))
            .ToList();
        Assert.That(roots, Has.Count.GreaterThan(20), "the walk found the output models");

        var violations = Violations(roots);

        Assert.That(violations, Is.Empty, string.Join(Environment.NewLine, violations));
    }

    [Test]
    public void The_walk_finds_setters_mutable_collections_and_json_nodes()
    {
        var violations = Violations([typeof(MutableSample)]);

        Assert.That(violations, Has.Count.EqualTo(5), string.Join(Environment.NewLine, violations));
        Assert.That(Violations([typeof(WorkflowCreateOptions), typeof(FormCreateOptions)]), Is.Not.Empty, "input options are settable by design");
    }

    private sealed class MutableSample
    {
        public string? Settable { get; set; }

        public string? InitOnly { get; init; }

        public IReadOnlyList<List<string>> Nested { get; } = [];

        public JsonObject? Json { get; }

        public int[] Numbers { get; } = [];
    }
}
