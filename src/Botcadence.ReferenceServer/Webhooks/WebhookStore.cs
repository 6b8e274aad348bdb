namespace Botcadence.ReferenceServer.Webhooks;

/// <summary>
/// Webhooks of both kinds per organization, with their delivery logs. A webhook's mutable parts (secrets, deliveries,
/// sent events) are read and changed only under this store's lock (<see cref="WithLock"/>).
/// </summary>
internal sealed class WebhookStore() : OrganizationScopedStore<Webhook>("Webhook")
{
    private readonly Lock _gate = new();

    /// <summary>True while the webhook is stored (until it is deleted).</summary>
    public bool IsLive(Webhook webhook) => ReferenceEquals(Find(webhook.Id), webhook);

    /// <summary>Subscriptions of the organization that want the event type, oldest first.</summary>
    public IReadOnlyList<Webhook> SubscribersOf(string organizationId, string eventType) =>
        [.. List(organizationId, w => w.Wants(eventType)).Reverse()];

    /// <summary>Runs <paramref name="action"/> under the lock: the only way to read or change a webhook's mutable parts.</summary>
    public T WithLock<T>(Webhook webhook, Func<Webhook, T> action)
    {
        lock (_gate)
        {
            return action(webhook);
        }
    }

    public void RecordEvent(Webhook webhook, SentEvent sent) => WithLock(webhook, w => w.SentEvents.TryAdd(sent.Id, sent));

    public void AddDelivery(Webhook webhook, WebhookDelivery delivery) => WithLock(webhook, w =>
    {
        w.Deliveries.Add(delivery);
        return true;
    });

    /// <summary>The next attempt number for an event at this webhook (1 for the first).</summary>
    public int NextAttempt(Webhook webhook, string eventId) => WithLock(webhook, w => w.Deliveries.Count(d => d.EventId == eventId) + 1);

    /// <summary>The delivery log, newest first.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries(Webhook webhook) => WithLock(webhook, w => w.Deliveries.OrderByDescending(d => d.Sequence).ToList());

    public (WebhookDelivery Delivery, SentEvent Event)? FindDelivery(Webhook webhook, string deliveryId) => WithLock(webhook, w =>
    {
        var delivery = w.Deliveries.FirstOrDefault(d => d.Id == deliveryId);
        return delivery is not null && w.SentEvents.TryGetValue(delivery.EventId, out var sent) ? (delivery, sent) : ((WebhookDelivery, SentEvent)?)null;
    });
}
