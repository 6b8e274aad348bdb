using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Webhooks;

/// <summary>The two kinds of webhook (PRODUCT.md, "Two kinds of webhook").</summary>
internal static class WebhookKinds
{
    public const string Trigger = "trigger";
    public const string Subscription = "subscription";

    public static IReadOnlyList<string> All { get; } = [Trigger, Subscription];
}

/// <summary>One webhook of either kind. Mutable fields change (and are read) only under <see cref="WebhookStore"/>'s lock.</summary>
internal sealed class Webhook : IOrganizationScoped
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required string Kind { get; init; }
    public required long Sequence { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    // subscription
    public string? Url { get; init; }
    public IReadOnlyList<string> Events { get; init; } = [];
    public string? Description { get; init; }
    public string Secret { get; set; } = string.Empty;
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    // trigger
    public string? WorkflowId { get; init; }
    public string? Event { get; init; }

    public List<WebhookDelivery> Deliveries { get; } = [];

    /// <summary>The payload bytes of every event sent to this webhook, so a retry re-sends the very same body.</summary>
    public Dictionary<string, SentEvent> SentEvents { get; } = new(StringComparer.Ordinal);

    public bool Wants(string eventType) =>
        Kind == WebhookKinds.Subscription && (Events.Contains("*") || Events.Contains(eventType));

    /// <summary>The secrets to sign with at <paramref name="now"/>: the current one first, then the previous one during its grace period.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];

    /// <summary>The inbound URL of a trigger webhook on the server at <paramref name="root"/>.</summary>
    private static string TriggerUrl(Uri? root, string id) =>
        (root?.GetLeftPart(UriPartial.Authority) ?? "https://api.botcadence.com") + "/webhooks/" + id;

    /// <summary>The wire shape; the secret only when <paramref name="includeSecret"/> (on creation and rotation). Call under the store's lock.</summary>
    public JsonObject ToJson(Uri? root, bool includeSecret)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["kind"] = Kind,
        };
        if (Kind == WebhookKinds.Trigger)
        {
            json["url"] = TriggerUrl(root, Id);
            json["workflow_id"] = WorkflowId;
            json["event"] = Event;
        }
        else
        {
            json["url"] = Url;
            json["events"] = new JsonArray([.. Events.Select(e => (JsonNode)JsonValue.Create(e))]);
            json["description"] = Description;
            if (includeSecret)
            {
                json["secret"] = Secret;
            }

            json["previous_secret_expires_at"] = JsonResponse.Time(PreviousSecretExpiresAt);
        }

        json["created_at"] = JsonResponse.Time(CreatedAt);
        return json;
    }
}

/// <summary>An event sent (or being sent) to a webhook.</summary>
internal sealed record SentEvent(string Id, string Type, byte[] Body);
