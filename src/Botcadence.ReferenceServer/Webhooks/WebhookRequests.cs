using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;

namespace Botcadence.ReferenceServer.Webhooks;

/// <summary>The fields of a trigger webhook: the workflow it starts and an optional event name.</summary>
internal sealed record TriggerFields(string WorkflowId, string? Event);

/// <summary>The fields of an event subscription.</summary>
internal sealed record SubscriptionFields(string Url, IReadOnlyList<string> Events, string? Description, string Secret);

/// <summary>Request parsing for webhooks: a body is either a trigger (<c>workflow_id</c>, <c>event</c>) or a subscription (<c>url</c>, <c>events</c>, …).</summary>
internal static class WebhookRequests
{
    /// <summary>True when the body describes a trigger webhook; 422 when it mixes the fields of both kinds.</summary>
    public static bool IsTrigger(JsonObject body)
    {
        var isTrigger = body.ContainsKey("workflow_id");
        var isSubscription = body.ContainsKey("url") || body.ContainsKey("events");
        return isTrigger && isSubscription
            ? throw Fields.Invalid("workflow_id", "Send either 'workflow_id' and 'event' (a trigger webhook) or 'url' and 'events' (an event subscription), not both.")
            : isTrigger;
    }

    public static TriggerFields ParseTrigger(JsonObject body)
    {
        var workflowId = body["workflow_id"] is { } workflowNode ? Fields.String(workflowNode, "workflow_id", 1, 200) : throw Fields.Required("workflow_id");
        var evt = Fields.TryGet(body, "event", out var e) ? Fields.NullableString(e, "event", 200) : null;
        foreach (var (name, _) in body)
        {
            if (name is not "workflow_id" and not "event")
            {
                throw Fields.Invalid(name, $"'{name}' is not a field of a trigger webhook.");
            }
        }

        return new TriggerFields(workflowId, evt);
    }

    public static SubscriptionFields ParseSubscription(JsonObject body)
    {
        if (!Fields.TryGet(body, "url", out var urlNode))
        {
            throw Fields.Required("url");
        }

        var url = Fields.String(urlNode, "url", 1, 2048);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Fields.Invalid("url", "'url' must be an absolute http or https URL.");
        }

        if (!Fields.TryGet(body, "events", out var eventsNode))
        {
            throw Fields.Required("events");
        }

        var events = ParseEvents(eventsNode);
        var description = Fields.TryGet(body, "description", out var d) ? Fields.NullableString(d, "description", 500) : null;
        string secret;
        if (Fields.TryGet(body, "secret", out var s) && s is not null)
        {
            secret = Fields.String(s, "secret", 1, 200);
            if (!WebhookSigner.IsValidSecret(secret))
            {
                throw Fields.Invalid("secret", "'secret' must be 'whsec_' followed by the base64 of 24 to 64 random bytes; omit it to have one generated.");
            }
        }
        else
        {
            secret = WebhookSigner.NewSecret();
        }

        foreach (var (name, _) in body)
        {
            if (name is not "url" and not "events" and not "description" and not "secret")
            {
                throw Fields.Invalid(name, $"'{name}' is not a field of an event subscription.");
            }
        }

        return new SubscriptionFields(uri.AbsoluteUri, events, description, secret);
    }

    private static List<string> ParseEvents(JsonNode? node)
    {
        var array = Fields.Array(node, "events");
        if (array.Count == 0)
        {
            throw Fields.Invalid("events", "'events' must name at least one event, or be [\"*\"] for all.");
        }

        var events = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"events[{i}]";
            var name = Fields.String(array[i], path);
            if (name != "*" && !EventTypes.All.Contains(name))
            {
                throw Fields.Invalid(path, $"'{path}' must be '*' or one of: {string.Join(", ", EventTypes.All)}.");
            }

            if (!events.Contains(name))
            {
                events.Add(name);
            }
        }

        return events;
    }
}
