using System.Collections.Concurrent;

namespace Botcadence.ReferenceServer.Pipeline;

/// <summary>The outcome of counting one request against its bucket.</summary>
internal sealed record RateLimitDecision(int Limit, int Remaining, long ResetEpochSeconds, bool Exceeded, int RetryAfterSeconds);

/// <summary>
/// Fixed windows of <see cref="ReferenceServerOptions.RateLimitWindow"/> (one minute by default, aligned to multiples of
/// the window since the epoch on the server clock), one bucket per key.
/// </summary>
internal sealed class RateLimiter(ServerClock clock, ReferenceServerOptions options)
{
    private readonly TimeSpan _window = options.RateLimitWindow >= TimeSpan.FromSeconds(1) && options.RateLimitWindow.Ticks % TimeSpan.TicksPerSecond == 0
        ? options.RateLimitWindow
        : throw new ArgumentOutOfRangeException(nameof(options), options.RateLimitWindow, "RateLimitWindow must be a whole number of seconds, at least one.");
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public static int LimitForPlan(string plan, int? overrideLimit, int enterpriseDefault) => overrideLimit ?? plan switch
    {
        Plans.Free => 60,
        Plans.Starter => 120,
        Plans.Pro => 300,
        Plans.Business => 600,
        _ => enterpriseDefault,
    };

    public RateLimitDecision Hit(string bucketKey, int limit)
    {
        var now = clock.UtcNow;
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % _window.Ticks), TimeSpan.Zero);
        var reset = windowStart + _window;
        var bucket = _buckets.GetOrAdd(bucketKey, static _ => new Bucket());
        int count;
        lock (bucket)
        {
            if (bucket.WindowStart != windowStart)
            {
                bucket.WindowStart = windowStart;
                bucket.Count = 0;
            }

            bucket.Count++;
            count = bucket.Count;
        }

        var exceeded = count > limit;
        var retryAfter = (int)Math.Max(1, Math.Ceiling((reset - now).TotalSeconds));
        return new RateLimitDecision(limit, Math.Max(0, limit - count), reset.ToUnixTimeSeconds(), exceeded, retryAfter);
    }

    private sealed class Bucket
    {
        public DateTimeOffset WindowStart { get; set; }

        public int Count { get; set; }
    }
}
