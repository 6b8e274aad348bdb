using System.Globalization;
using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Workflows;

/// <summary>The writable fields of a workflow, as parsed from a create/replace body.</summary>
internal sealed record WorkflowFields(
    string Name,
    string? Description,
    string? Channel,
    string? Status,
    JsonObject? Trigger,
    IReadOnlyList<WorkflowAction> Actions);

/// <summary>Validation and parsing of workflow request bodies.</summary>
internal static class WorkflowRequests
{
    public const int MaxNameLength = 200;

    /// <summary>POST and PUT bodies: name required, everything else optional (omitted = default).</summary>
    public static WorkflowFields ParseFull(JsonObject body)
    {
        if (!Fields.TryGet(body, "name", out var nameNode))
        {
            throw Fields.Required("name");
        }

        var name = Name(nameNode);
        var description = Fields.TryGet(body, "description", out var d) ? Fields.NullableString(d, "description", 10_000) : null;
        var channel = Fields.TryGet(body, "channel", out var c) ? Fields.NullableString(c, "channel", 200) : null;
        var status = Fields.TryGet(body, "status", out var s) ? Fields.OneOf(s, "status", WorkflowStatus.All) : null;
        var trigger = Fields.TryGet(body, "trigger", out var t) ? Trigger(t) : null;
        var actions = Fields.TryGet(body, "actions", out var a) && a is not null ? Actions(a) : [];
        return new WorkflowFields(name, description, channel, status, trigger, actions);
    }

    /// <summary>PATCH bodies: present fields replace, null clears description/channel/trigger.</summary>
    public static Func<Workflow, DateTimeOffset, Workflow> ParsePatch(JsonObject body)
    {
        var changes = new List<Func<Workflow, DateTimeOffset, Workflow>>();
        if (Fields.TryGet(body, "name", out var n))
        {
            var name = Name(n);
            changes.Add((w, _) => w with { Name = name });
        }

        if (Fields.TryGet(body, "description", out var d))
        {
            var description = Fields.NullableString(d, "description", 10_000);
            changes.Add((w, _) => w with { Description = description });
        }

        if (Fields.TryGet(body, "channel", out var c))
        {
            var channel = Fields.NullableString(c, "channel", 200);
            changes.Add((w, _) => w with { Channel = channel });
        }

        if (Fields.TryGet(body, "trigger", out var t))
        {
            var trigger = Trigger(t);
            changes.Add((w, _) => w with { Trigger = trigger });
        }

        if (Fields.TryGet(body, "actions", out var a))
        {
            var actions = Actions(a);
            changes.Add((w, _) => w with { Actions = actions });
        }

        if (Fields.TryGet(body, "status", out var s))
        {
            var status = Fields.OneOf(s, "status", WorkflowStatus.All);
            changes.Add((w, now) => w.WithStatus(status, now));
        }

        return (workflow, now) =>
        {
            foreach (var change in changes)
            {
                workflow = change(workflow, now);
            }

            return workflow with { UpdatedAt = now };
        };
    }

    private static string Name(JsonNode? node) =>
        node is null ? throw Fields.WrongType("name", "'name' must be a string, not null.") : Fields.String(node, "name", 1, MaxNameLength);

    private static JsonObject? Trigger(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var obj = Fields.Object(node, "trigger");
        if (!Fields.TryGet(obj, "type", out var typeNode) || typeNode is null)
        {
            throw Fields.Required("trigger.type");
        }

        var trigger = new JsonObject { ["type"] = Fields.String(typeNode, "trigger.type", 1, 200) };
        if (Fields.TryGet(obj, "event", out var ev) && ev is not null)
        {
            trigger["event"] = Fields.String(ev, "trigger.event", 0, 200);
        }

        if (Fields.TryGet(obj, "keywords", out var kw) && kw is not null)
        {
            var keywords = new JsonArray();
            var array = Fields.Array(kw, "trigger.keywords");
            for (var i = 0; i < array.Count; i++)
            {
                keywords.Add(Fields.String(array[i], string.Create(CultureInfo.InvariantCulture, $"trigger.keywords[{i}]")));
            }

            trigger["keywords"] = keywords;
        }

        if (Fields.TryGet(obj, "config", out var config) && config is not null)
        {
            trigger["config"] = Fields.Object(config, "trigger.config").DeepClone();
        }

        return trigger;
    }

    private static List<WorkflowAction> Actions(JsonNode? node)
    {
        var array = Fields.Array(node, "actions");
        var actions = new List<WorkflowAction>(array.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"actions[{i}]");
            var obj = Fields.Object(array[i], path);
            if (!Fields.TryGet(obj, "type", out var typeNode) || typeNode is null)
            {
                throw Fields.Required(path + ".type");
            }

            var type = Fields.String(typeNode, path + ".type", 1, 200);
            var id = Fields.TryGet(obj, "id", out var idNode) && idNode is not null
                ? Fields.String(idNode, path + ".id", 1, 200)
                : string.Create(CultureInfo.InvariantCulture, $"act_{i + 1}");
            if (!ids.Add(id))
            {
                throw Fields.Invalid(path + ".id", $"Duplicate action id '{id}'.");
            }

            var config = Fields.TryGet(obj, "config", out var configNode) && configNode is not null
                ? (JsonObject)Fields.Object(configNode, path + ".config").DeepClone()
                : [];
            actions.Add(new WorkflowAction(id, type, config));
        }

        return actions;
    }
}
