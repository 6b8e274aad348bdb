using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Botcadence.Sdk.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Botcadence.Sdk.Redis;

/// <summary>Settings of a <see cref="RedisRateLimiter"/>.</summary>
public sealed class RedisRateLimiterOptions : BotCadenceRateLimiterOptions
{
    /// <summary>The prefix of the Redis key (default <c>botcadence:ratelimit:</c>); the key ends with a hash of the API key, never the key itself.</summary>
    public string KeyPrefix { get; set; } = "botcadence:ratelimit:";
}

/// <summary>
/// A <see cref="BotCadenceRateLimiter"/> shared by every process using the same API key, on Redis. The state (limit,
/// remaining, reset, window) is one Redis hash updated by two short Lua scripts on the Redis server's clock: one takes a
/// permit or says how long to wait; the other applies a response's <c>X-RateLimit-*</c> headers, and on a 429 empties the
/// window for every instance until the <c>Retry-After</c>. When Redis cannot be reached the limiter fails open to a
/// per-process <see cref="LocalRateLimiter"/> (the service still enforces the limit; a 429 is retried after its
/// <c>Retry-After</c>), rather than stopping every API call.
/// </summary>
public sealed class RedisRateLimiter : BotCadenceRateLimiter
{
    // The same steps as Botcadence.Sdk.RateLimiting.RateLimitState, on the Redis clock. The hash's fields: limit,
    // remaining, reset (ms), window (ms), sreset (the service's last reset, ms), learned (1 after the first response),
    // probe (ms: until when the one-at-a-time probe blocks others), wknown (1 once two consecutive resets gave the
    // window), guessed (1 while reset comes from rolling by a window not known yet).
    private const string LoadAndRoll = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local h = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'reset', 'window', 'sreset', 'learned', 'probe', 'wknown', 'guessed')
        local limit = tonumber(h[1]) or tonumber(ARGV[1])
        local remaining = tonumber(h[2]) or limit
        local reset = tonumber(h[3]) or 0
        local window = tonumber(h[4]) or tonumber(ARGV[2])
        local sreset = tonumber(h[5]) or 0
        local learned = tonumber(h[6]) or 0
        local probe = tonumber(h[7]) or 0
        local wknown = tonumber(h[8]) or 0
        local guessed = tonumber(h[9]) or 0
        if now >= reset then
          if reset > 0 then reset = reset + (math.floor((now - reset) / window) + 1) * window else reset = now + window end
          remaining = limit
          if sreset > 0 and wknown == 0 then guessed = 1 else guessed = 0 end
        end
        """;

    private const string Save = """
        redis.call('HSET', KEYS[1], 'limit', limit, 'remaining', remaining, 'reset', reset, 'window', window, 'sreset', sreset, 'learned', learned, 'probe', probe, 'wknown', wknown, 'guessed', guessed)
        redis.call('PEXPIRE', KEYS[1], math.max(1, reset - now) + window + 60000)
        """;

    // ARGV: initial limit, initial window, permits, margin, probe ms, probe poll ms. Returns 0 (granted) or the wait in ms.
    private const string AcquireScript = LoadAndRoll + "\n" + """
        local permits = tonumber(ARGV[3])
        local wait = 0
        if remaining < math.max(1, permits) or now >= reset - tonumber(ARGV[4]) then
          wait = math.max(1, reset - now)
          if guessed == 1 then wait = math.min(wait, tonumber(ARGV[6])) end
        elseif learned == 0 and now < probe then
          wait = math.min(tonumber(ARGV[6]), probe - now)
        else
          if learned == 0 then probe = now + tonumber(ARGV[5]) end
          remaining = remaining - permits
        end
        """ + "\n" + Save + "\n" + """
        return wait
        """;

    // ARGV: initial limit, initial window, limit|-1, remaining|-1, reset ms|-1, rejected 0|1, retry-after ms|-1.
    private const string ObserveScript = LoadAndRoll + "\n" + """
        learned = 1
        local fl = tonumber(ARGV[3])
        local fr = tonumber(ARGV[4])
        local fs = tonumber(ARGV[5])
        if fl > 0 then limit = fl end
        if fs > 0 then
          if sreset > 0 and fs > sreset and fs - sreset <= window then
            window = fs - sreset
            wknown = 1
          end
          if fs > now and fs >= sreset then
            sreset = fs
            reset = fs
            guessed = 0
            if fr >= 0 then remaining = math.min(remaining, fr) end
          end
        end
        if ARGV[6] == '1' then
          remaining = 0
          local ra = tonumber(ARGV[7])
          if ra >= 0 and now + ra > reset then reset = now + ra end
        end
        """ + "\n" + Save + "\n" + """
        return 1
        """;

    private static readonly Action<ILogger, string, Exception?> RedisFailed =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(1101, "RateLimitRedisUnavailable"),
            "Redis is unavailable for the shared rate limit ({Operation}); limiting in this process only until it is back.");

    private readonly IConnectionMultiplexer _connection;
    private readonly RedisKey _key;
    private readonly RedisRateLimiterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly LocalRateLimiter _fallback;
    private long _lastUseTimestamp;

    /// <summary>Creates the limiter for one API key.</summary>
    /// <param name="connection">The Redis connection (shared; the limiter does not dispose it).</param>
    /// <param name="apiKey">The API key whose quota is shared (only a hash of it is stored).</param>
    /// <param name="options">The settings (defaults when null).</param>
    /// <param name="timeProvider">The clock for waiting (the window arithmetic runs on the Redis server's clock).</param>
    /// <param name="logger">Logs when Redis is unavailable.</param>
    public RedisRateLimiter(IConnectionMultiplexer connection, string apiKey, RedisRateLimiterOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        _connection = connection;
        _options = options ?? new RedisRateLimiterOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _fallback = new LocalRateLimiter(_options, _timeProvider);
        _key = _options.KeyPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)).AsSpan(0, 16)).ToLowerInvariant();
        _lastUseTimestamp = _timeProvider.GetTimestamp();
    }

    /// <summary>The Redis key holding the shared state.</summary>
    public string Key => _key.ToString();

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => _timeProvider.GetElapsedTime(Interlocked.Read(ref _lastUseTimestamp));

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics() => new()
    {
        CurrentAvailablePermits = 0,
        TotalSuccessfulLeases = TotalGranted,
        TotalFailedLeases = TotalRefused,
    };

    /// <inheritdoc />
    public override async ValueTask ObserveAsync(RateLimitFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await _fallback.ObserveAsync(feedback, cancellationToken).ConfigureAwait(false);
        RedisValue[] args =
        [
            _options.InitialLimit, (long)_options.InitialWindow.TotalMilliseconds,
            feedback.Limit ?? -1, feedback.Remaining ?? -1, feedback.Reset?.ToUnixTimeMilliseconds() ?? -1,
            feedback.Rejected ? 1 : 0, feedback.RetryAfter is { } wait ? (long)wait.TotalMilliseconds : -1,
        ];
        try
        {
            await _connection.GetDatabase().ScriptEvaluateAsync(ObserveScript, [_key], args).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            RedisFailed(_logger, "observe", ex);
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        Touch();
        long wait;
        try
        {
            wait = (long)_connection.GetDatabase().ScriptEvaluate(AcquireScript, [_key], AcquireArgs(permitCount));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            RedisFailed(_logger, "acquire", ex);
            return _fallback.AttemptAcquire(permitCount);
        }

        return wait == 0 ? Grant() : Refuse(TimeSpan.FromMilliseconds(wait));
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            Touch();
            long wait;
            try
            {
                wait = (long)await _connection.GetDatabase().ScriptEvaluateAsync(AcquireScript, [_key], AcquireArgs(permitCount)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                RedisFailed(_logger, "acquire", ex);
                return await _fallback.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
            }

            if (wait == 0)
            {
                return Grant();
            }

            var delay = TimeSpan.FromMilliseconds(wait);
            if (_timeProvider.GetElapsedTime(started) + delay > _options.MaxWait)
            {
                return Refuse(delay);
            }

            // A little jitter, so the instances waiting for the same reset do not all ask in the same millisecond.
            await Task.Delay(delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 15)), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    private RedisValue[] AcquireArgs(int permitCount) =>
    [
        _options.InitialLimit, (long)_options.InitialWindow.TotalMilliseconds, permitCount,
        (long)_options.SafetyMargin.TotalMilliseconds, RateLimitStateProbe.ProbeMs, RateLimitStateProbe.ProbePollMs,
    ];

    private void Touch() => Interlocked.Exchange(ref _lastUseTimestamp, _timeProvider.GetTimestamp());

    private static class RateLimitStateProbe
    {
        public const long ProbeMs = 2000;
        public const long ProbePollMs = 20;
    }
}
