using Microsoft.Extensions.Caching.Distributed;

namespace Botcadence.Sdk.AspNetCore;

/// <summary>Where an event id stands in an <see cref="IWebhookReplayStore"/>.</summary>
public enum WebhookClaimStatus
{
    /// <summary>This caller claimed the id: run the handler, then complete or release the claim.</summary>
    Claimed,

    /// <summary>Another delivery of the event is being handled (its lease has not expired): answer non-2xx so the sender retries.</summary>
    InProgress,

    /// <summary>The event was handled: drop the redelivery (answer 2xx).</summary>
    Handled,
}

/// <summary>The answer of <see cref="IWebhookReplayStore.TryClaimAsync"/>.</summary>
/// <param name="Status">Where the id stands.</param>
/// <param name="Token">Identifies this caller's claim (for completing, renewing or releasing it) when <see cref="Status"/> is <see cref="WebhookClaimStatus.Claimed"/>.</param>
public readonly record struct WebhookClaim(WebhookClaimStatus Status, string? Token = null);

/// <summary>
/// Remembers which event ids are being or have been handled, so each event is handled once however often, and on
/// whichever instance, it is delivered. Claim → complete: a delivery claims the id with a short lease, the handler runs,
/// success marks the id handled for the replay window, failure releases it; a crashed instance's lease simply expires,
/// so the next redelivery is handled. Implementations must make the claim atomic.
/// </summary>
public interface IWebhookReplayStore
{
    /// <summary>Claims an event id for <paramref name="lease"/> unless it is handled or claimed by someone else.</summary>
    /// <param name="eventId">The event id (<c>evt_…</c>).</param>
    /// <param name="lease">How long the claim holds if it is neither completed, renewed nor released (the handler crashed).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome; its token when claimed.</returns>
    ValueTask<WebhookClaim> TryClaimAsync(string eventId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends this caller's claim while its handler still runs.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="token">The claim's token.</param>
    /// <param name="lease">The new lease, from now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the claim was lost (it expired and someone else claimed, or the event was handled).</returns>
    ValueTask<bool> RenewAsync(string eventId, string token, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the event handled for <paramref name="retention"/> (its handler succeeded).</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="token">The claim's token.</param>
    /// <param name="retention">How long to drop redeliveries.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the id is marked.</returns>
    ValueTask CompleteAsync(string eventId, string token, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Drops this caller's claim (its handler failed), so a redelivery is handled; does nothing when the claim was lost.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="token">The claim's token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the claim is dropped.</returns>
    ValueTask ReleaseAsync(string eventId, string token, CancellationToken cancellationToken);
}

/// <summary>
/// The default <see cref="IWebhookReplayStore"/>: this process's memory, entries expiring on a <see cref="TimeProvider"/>.
/// Use <c>RedisWebhookReplayStore</c> (package <c>Botcadence.Sdk.AspNetCore.Redis</c>) when several instances receive.
/// </summary>
public sealed class InMemoryWebhookReplayStore : IWebhookReplayStore
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private long _calls;

    /// <summary>Creates a store on the given clock.</summary>
    /// <param name="timeProvider">The clock for leases and expiry (default: the system clock).</param>
    public InMemoryWebhookReplayStore(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public ValueTask<WebhookClaim> TryClaimAsync(string eventId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (++_calls % 1024 == 0)
            {
                foreach (var expired in _entries.Where(e => e.Value.Expires <= now).Select(e => e.Key).ToList())
                {
                    _entries.Remove(expired);
                }
            }

            if (_entries.TryGetValue(eventId, out var entry) && entry.Expires > now)
            {
                return ValueTask.FromResult(new WebhookClaim(entry.Token is null ? WebhookClaimStatus.Handled : WebhookClaimStatus.InProgress));
            }

            var token = Guid.NewGuid().ToString("N");
            _entries[eventId] = new Entry(token, now + lease);
            return ValueTask.FromResult(new WebhookClaim(WebhookClaimStatus.Claimed, token));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RenewAsync(string eventId, string token, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        lock (_gate)
        {
            if (_entries.TryGetValue(eventId, out var entry) && entry.Token == token && entry.Expires > _timeProvider.GetUtcNow())
            {
                _entries[eventId] = entry with { Expires = _timeProvider.GetUtcNow() + lease };
                return ValueTask.FromResult(true);
            }

            return ValueTask.FromResult(false);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string eventId, string token, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        lock (_gate)
        {
            // Handled is handled, even when the lease ran out meanwhile.
            _entries[eventId] = new Entry(null, _timeProvider.GetUtcNow() + retention);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string eventId, string token, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        lock (_gate)
        {
            if (_entries.TryGetValue(eventId, out var entry) && entry.Token is not null && entry.Token == token)
            {
                _entries.Remove(eventId);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A claim (with its token) or, with no token, a handled event.</summary>
    private sealed record Entry(string? Token, DateTimeOffset Expires);
}

/// <summary>
/// An <see cref="IWebhookReplayStore"/> over <see cref="IDistributedCache"/> (SQL Server, …). <see cref="IDistributedCache"/>
/// has no atomic add, so two instances receiving the same event within the same few milliseconds may both claim it;
/// sequential redeliveries are always dropped. On Redis, use <c>RedisWebhookReplayStore</c> (package <c>Botcadence.Sdk.AspNetCore.Redis</c>), whose claim is atomic.
/// </summary>
public sealed class DistributedCacheWebhookReplayStore : IWebhookReplayStore
{
    /// <summary>The prefix of the cache keys.</summary>
    public const string KeyPrefix = "botcadence:webhook-event:";

    private const string HandledValue = "handled";
    private readonly IDistributedCache _cache;

    /// <summary>Creates the adapter.</summary>
    /// <param name="cache">The shared cache.</param>
    public DistributedCacheWebhookReplayStore(IDistributedCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
    }

    /// <inheritdoc />
    public async ValueTask<WebhookClaim> TryClaimAsync(string eventId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var key = KeyPrefix + eventId;
        if (await _cache.GetStringAsync(key, cancellationToken).ConfigureAwait(false) is { } value)
        {
            return new WebhookClaim(value == HandledValue ? WebhookClaimStatus.Handled : WebhookClaimStatus.InProgress);
        }

        var token = Guid.NewGuid().ToString("N");
        await _cache.SetStringAsync(key, token, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lease }, cancellationToken).ConfigureAwait(false);
        return new WebhookClaim(WebhookClaimStatus.Claimed, token);
    }

    /// <inheritdoc />
    public async ValueTask<bool> RenewAsync(string eventId, string token, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var key = KeyPrefix + eventId;
        if (await _cache.GetStringAsync(key, cancellationToken).ConfigureAwait(false) != token)
        {
            return false;
        }

        await _cache.SetStringAsync(key, token, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lease }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string eventId, string token, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        await _cache.SetStringAsync(KeyPrefix + eventId, HandledValue, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = retention }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string eventId, string token, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var key = KeyPrefix + eventId;
        if (await _cache.GetStringAsync(key, cancellationToken).ConfigureAwait(false) == token)
        {
            await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }
    }
}
