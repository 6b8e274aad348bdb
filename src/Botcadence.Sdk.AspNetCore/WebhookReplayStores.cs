using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;

namespace Botcadence.Sdk.AspNetCore;

/// <summary>
/// Remembers which event ids are being or have been handled, so a redelivered event is dropped. The receiver reserves
/// the id before calling the handler and releases it when the handler fails (so the sender's next attempt is handled).
/// </summary>
public interface IWebhookReplayStore
{
    /// <summary>Reserves an event id unless it is already reserved.</summary>
    /// <param name="eventId">The event id (<c>evt_…</c>).</param>
    /// <param name="expiry">How long to remember it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this caller reserved it (handle the event); false for a duplicate.</returns>
    ValueTask<bool> TryReserveAsync(string eventId, TimeSpan expiry, CancellationToken cancellationToken);

    /// <summary>Forgets an event id (its handler failed), so a redelivery is handled.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the id is released.</returns>
    ValueTask ReleaseAsync(string eventId, CancellationToken cancellationToken);
}

/// <summary>The default <see cref="IWebhookReplayStore"/>: this process's memory, entries expiring on a <see cref="TimeProvider"/>. Use <see cref="DistributedCacheWebhookReplayStore"/> when several instances receive.</summary>
public sealed class InMemoryWebhookReplayStore : IWebhookReplayStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _reserved = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private long _calls;

    /// <summary>Creates a store on the given clock.</summary>
    /// <param name="timeProvider">The clock for expiry (default: the system clock).</param>
    public InMemoryWebhookReplayStore(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public ValueTask<bool> TryReserveAsync(string eventId, TimeSpan expiry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var now = _timeProvider.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % 1024 == 0)
        {
            foreach (var (id, expires) in _reserved)
            {
                if (expires <= now)
                {
                    _reserved.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, expires));
                }
            }
        }

        var until = now + expiry;
        while (true)
        {
            if (_reserved.TryAdd(eventId, until))
            {
                return ValueTask.FromResult(true);
            }

            if (_reserved.TryGetValue(eventId, out var expires))
            {
                if (expires > now)
                {
                    return ValueTask.FromResult(false);
                }

                if (_reserved.TryUpdate(eventId, until, expires))
                {
                    return ValueTask.FromResult(true);
                }
            }
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string eventId, CancellationToken cancellationToken)
    {
        _reserved.TryRemove(eventId, out _);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// An <see cref="IWebhookReplayStore"/> over <see cref="IDistributedCache"/> (Redis, SQL Server, …) so several instances
/// share which events were handled. <see cref="IDistributedCache"/> has no atomic add, so two instances receiving the
/// same event within the same few milliseconds may both handle it; sequential redeliveries are always dropped.
/// </summary>
public sealed class DistributedCacheWebhookReplayStore : IWebhookReplayStore
{
    /// <summary>The prefix of the cache keys.</summary>
    public const string KeyPrefix = "botcadence:webhook-event:";

    private static readonly byte[] Marker = [1];
    private readonly IDistributedCache _cache;

    /// <summary>Creates the adapter.</summary>
    /// <param name="cache">The shared cache.</param>
    public DistributedCacheWebhookReplayStore(IDistributedCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryReserveAsync(string eventId, TimeSpan expiry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var key = KeyPrefix + eventId;
        if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        await _cache.SetAsync(key, Marker, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = expiry }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string eventId, CancellationToken cancellationToken) =>
        await _cache.RemoveAsync(KeyPrefix + eventId, cancellationToken).ConfigureAwait(false);
}
