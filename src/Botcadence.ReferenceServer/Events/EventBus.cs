using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Events;

/// <summary>
/// Resources publish what happens here; subscribers (webhook delivery) are told of each event. Publishing never
/// blocks the request that caused it and never fails it: a subscriber's failure is its own business.
/// </summary>
internal sealed class EventBus(ServerClock clock, ILogger<EventBus> logger)
{
    private readonly ConcurrentQueue<Func<ServerEvent, Task>> _subscribers = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ServerEvent>> _log = new(StringComparer.Ordinal);

    public ServerEvent Publish(string organizationId, string type, JsonObject data)
    {
        var evt = new ServerEvent(Ids.New("evt"), organizationId, type, clock.UtcNow, data);
        _log.GetOrAdd(organizationId, _ => new ConcurrentQueue<ServerEvent>()).Enqueue(evt);
        foreach (var subscriber in _subscribers)
        {
            _ = NotifyAsync(subscriber, evt);
        }

        return evt;
    }

    public void Subscribe(Func<ServerEvent, Task> subscriber) => _subscribers.Enqueue(subscriber);

    /// <summary>The events of an organization, oldest first.</summary>
    public IReadOnlyList<ServerEvent> History(string organizationId) =>
        _log.TryGetValue(organizationId, out var events) ? [.. events] : [];

    private async Task NotifyAsync(Func<ServerEvent, Task> subscriber, ServerEvent evt)
    {
        try
        {
            await Task.Yield();
            await subscriber(evt).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.EventSubscriberFailed(logger, evt.Id, evt.Type, ex);
        }
    }
}
