using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Botcadence.ReferenceServer.Forms;

namespace Botcadence.ReferenceServer.Templates;

/// <summary>Request parsing for templates: names, due times and task definitions.</summary>
internal static partial class TemplateRequests
{
    public const int MaxDueInHours = 24 * 366;

    public static string Name(JsonNode? node) => Fields.String(node, "name", 1, 200);

    public static int? DueInHours(JsonNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            throw Fields.WrongType(path, $"'{path}' must be an integer between 1 and {MaxDueInHours}.");
        }

        if (!v.TryGetValue<int>(out var hours) || hours < 1 || hours > MaxDueInHours)
        {
            throw Fields.Invalid(path, $"'{path}' must be an integer between 1 and {MaxDueInHours}.");
        }

        return hours;
    }

    public static IReadOnlyList<TemplateTask> Tasks(JsonNode? node)
    {
        var array = Fields.Array(node, "tasks");
        var tasks = new List<TemplateTask>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"tasks[{i}]";
            var obj = Fields.Object(array[i], path);
            string id;
            if (Fields.TryGet(obj, "id", out var idNode) && idNode is not null)
            {
                id = Fields.String(idNode, path + ".id", 1, 100);
                if (!TaskIdPattern().IsMatch(id))
                {
                    throw Fields.Invalid(path + ".id", $"'{path}.id' may hold only letters, digits, '_' and '-'.");
                }

                if (tasks.Any(t => t.Id == id))
                {
                    throw Fields.Invalid(path + ".id", $"'{path}.id' repeats the task id '{id}'.");
                }
            }
            else
            {
                id = Ids.New("task_def");
            }

            var name = Fields.TryGet(obj, "name", out var n) ? Fields.String(n, path + ".name", 1, 200) : throw Fields.Required(path + ".name");
            var description = Fields.TryGet(obj, "description", out var d) ? Fields.NullableString(d, path + ".description", 10_000) : null;
            var required = Fields.TryGet(obj, "required", out var r) && r is not null ? Fields.Boolean(r, path + ".required") : true;

            var due = Fields.TryGet(obj, "due_in_hours", out var h) ? DueInHours(h, path + ".due_in_hours") : null;
            var fields = Fields.TryGet(obj, "fields", out var f) && f is not null ? FormFields.Parse(f, path + ".fields") : [];
            tasks.Add(new TemplateTask(id, name, description, required, due, fields));
        }

        return tasks;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex TaskIdPattern();
}
