using StackExchange.Redis;

namespace Botcadence.Sdk.AspNetCore;

/// <summary>
/// An <see cref="IWebhookReplayStore"/> on Redis, shared by every receiving instance. The claim is one atomic
/// <c>SET key token NX PX lease</c> (in a short script that also tells a handled event from one in flight), so two
/// instances receiving the same event at the same moment never both handle it; renew and release act only while the
/// key still holds the caller's token. <c>IDistributedCache</c> cannot do this: it has no set-if-absent.
/// </summary>
public sealed class RedisWebhookReplayStore : IWebhookReplayStore
{
    /// <summary>The default prefix of the keys.</summary>
    public const string DefaultKeyPrefix = "botcadence:webhook-event:";

    private const string HandledValue = "handled";

    private const string ClaimScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
        if redis.call('GET', KEYS[1]) == 'handled' then return 2 end
        return 1
        """;

    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly IConnectionMultiplexer _connection;
    private readonly string _keyPrefix;

    /// <summary>Creates the store.</summary>
    /// <param name="connection">The Redis connection (shared; the store does not dispose it).</param>
    /// <param name="keyPrefix">The prefix of the keys (default <see cref="DefaultKeyPrefix"/>).</param>
    public RedisWebhookReplayStore(IConnectionMultiplexer connection, string? keyPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _keyPrefix = string.IsNullOrEmpty(keyPrefix) ? DefaultKeyPrefix : keyPrefix;
    }

    /// <inheritdoc />
    public async ValueTask<WebhookClaim> TryClaimAsync(string eventId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var token = Guid.NewGuid().ToString("N");
        var result = (long)await Database.ScriptEvaluateAsync(ClaimScript, [Key(eventId)], [token, Milliseconds(lease)]).ConfigureAwait(false);
        return result switch
        {
            0 => new WebhookClaim(WebhookClaimStatus.Claimed, token),
            2 => new WebhookClaim(WebhookClaimStatus.Handled),
            _ => new WebhookClaim(WebhookClaimStatus.InProgress),
        };
    }

    /// <inheritdoc />
    public async ValueTask<bool> RenewAsync(string eventId, string token, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return (long)await Database.ScriptEvaluateAsync(RenewScript, [Key(eventId)], [token, Milliseconds(lease)]).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string eventId, string token, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        await Database.StringSetAsync(Key(eventId), HandledValue, retention).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string eventId, string token, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        await Database.ScriptEvaluateAsync(ReleaseScript, [Key(eventId)], [token]).ConfigureAwait(false);
    }

    private IDatabase Database => _connection.GetDatabase();

    private RedisKey Key(string eventId) => _keyPrefix + eventId;

    private static long Milliseconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds));
}
