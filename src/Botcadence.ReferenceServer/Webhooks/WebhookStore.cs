using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Webhooks;

/// <summary>Webhooks of both kinds per organization, with their delivery logs. Thread-safe.</summary>
internal sealed class WebhookStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Webhook> byId = new(StringComparer.Ordinal);
    private long sequence;

    public long NextSequence() => Interlocked.Increment(ref sequence);

    public void Add(Webhook webhook)
    {
        lock (gate)
        {
            byId.Add(webhook.Id, webhook);
        }
    }

    /// <summary>A live webhook of the organization, or null.</summary>
    public Webhook? Get(string organizationId, string id)
    {
        lock (gate)
        {
            return byId.TryGetValue(id, out var w) && w.OrganizationId == organizationId && !w.Deleted ? w : null;
        }
    }

    /// <summary>A live webhook by id alone (inbound trigger URLs carry no organization).</summary>
    public Webhook? Find(string id)
    {
        lock (gate)
        {
            return byId.TryGetValue(id, out var w) && !w.Deleted ? w : null;
        }
    }

    public bool IsLive(Webhook webhook)
    {
        lock (gate)
        {
            return !webhook.Deleted;
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Webhook> List(string organizationId, Func<Webhook, bool> filter)
    {
        lock (gate)
        {
            return byId.Values.Where(w => w.OrganizationId == organizationId && !w.Deleted && filter(w)).OrderByDescending(w => w.Sequence).ToList();
        }
    }

    /// <summary>Live subscriptions of the organization that want the event type.</summary>
    public IReadOnlyList<Webhook> SubscribersOf(string organizationId, string eventType)
    {
        lock (gate)
        {
            return byId.Values.Where(w => w.OrganizationId == organizationId && !w.Deleted && w.Wants(eventType)).OrderBy(w => w.Sequence).ToList();
        }
    }

    public bool Delete(string organizationId, string id)
    {
        lock (gate)
        {
            if (!byId.TryGetValue(id, out var w) || w.OrganizationId != organizationId || w.Deleted)
            {
                return false;
            }

            w.Deleted = true;
            return true;
        }
    }

    public T Mutate<T>(Webhook webhook, Func<Webhook, T> mutate)
    {
        lock (gate)
        {
            return mutate(webhook);
        }
    }

    public void RecordEvent(Webhook webhook, SentEvent sent)
    {
        lock (gate)
        {
            webhook.SentEvents.TryAdd(sent.Id, sent);
        }
    }

    public void AddDelivery(Webhook webhook, WebhookDelivery delivery)
    {
        lock (gate)
        {
            webhook.Deliveries.Add(delivery);
        }
    }

    /// <summary>The next attempt number for an event at this webhook (1 for the first).</summary>
    public int NextAttempt(Webhook webhook, string eventId)
    {
        lock (gate)
        {
            return webhook.Deliveries.Count(d => d.EventId == eventId) + 1;
        }
    }

    /// <summary>The delivery log, newest first.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries(Webhook webhook)
    {
        lock (gate)
        {
            return webhook.Deliveries.OrderByDescending(d => d.Sequence).ToList();
        }
    }

    public (WebhookDelivery Delivery, SentEvent Event)? FindDelivery(Webhook webhook, string deliveryId)
    {
        lock (gate)
        {
            var delivery = webhook.Deliveries.FirstOrDefault(d => d.Id == deliveryId);
            return delivery is not null && webhook.SentEvents.TryGetValue(delivery.EventId, out var sent) ? (delivery, sent) : null;
        }
    }

    public JsonObject ToJson(Webhook w, Uri? root, bool includeSecret)
    {
        lock (gate)
        {
            var json = new JsonObject
            {
                ["id"] = w.Id,
                ["kind"] = w.Kind,
            };
            if (w.Kind == WebhookKinds.Trigger)
            {
                json["url"] = TriggerUrl(root, w.Id);
                json["workflow_id"] = w.WorkflowId;
                json["event"] = w.Event;
            }
            else
            {
                json["url"] = w.Url;
                json["events"] = new JsonArray([.. w.Events.Select(e => (JsonNode)JsonValue.Create(e))]);
                json["description"] = w.Description;
                if (includeSecret)
                {
                    json["secret"] = w.Secret;
                }

                json["previous_secret_expires_at"] = JsonResponse.Time(w.PreviousSecretExpiresAt);
            }

            json["created_at"] = JsonResponse.Time(w.CreatedAt);
            return json;
        }
    }

    public static string TriggerUrl(Uri? root, string id) =>
        (root?.GetLeftPart(UriPartial.Authority) ?? "https://api.botcadence.com") + "/webhooks/" + id;
}
