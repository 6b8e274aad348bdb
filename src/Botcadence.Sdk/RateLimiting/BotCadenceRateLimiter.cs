using System.Threading.RateLimiting;

namespace Botcadence.Sdk.RateLimiting;

/// <summary>
/// A client-side limiter for one API key that learns the service's real limit and window from the
/// <c>X-RateLimit-Limit</c>/<c>-Remaining</c>/<c>-Reset</c> headers and backs off on a 429. Set one on
/// <see cref="BotCadenceClientOptions.UseRateLimiter"/> (or call <c>AddBotCadenceRateLimiting()</c> /
/// <c>AddBotCadenceRedisRateLimiting(…)</c>): every attempt then waits for a permit before it is sent.
/// </summary>
public abstract class BotCadenceRateLimiter : RateLimiter
{
    /// <summary>Tells the limiter what the service answered, so it follows the service's own count.</summary>
    /// <param name="feedback">The rate-limit headers and status of one response.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is updated.</returns>
    public abstract ValueTask ObserveAsync(RateLimitFeedback feedback, CancellationToken cancellationToken);

    private long _granted;
    private long _refused;

    /// <summary>How many permits this limiter granted (for <see cref="RateLimiter.GetStatistics"/>).</summary>
    protected long TotalGranted => Interlocked.Read(ref _granted);

    /// <summary>How many permits this limiter refused (for <see cref="RateLimiter.GetStatistics"/>).</summary>
    protected long TotalRefused => Interlocked.Read(ref _refused);

    /// <summary>A granted permit, counted in <see cref="TotalGranted"/>.</summary>
    /// <returns>The lease.</returns>
    protected RateLimitLease Grant()
    {
        Interlocked.Increment(ref _granted);
        return PermitLease.Granted;
    }

    /// <summary>A refused permit carrying <see cref="MetadataName.RetryAfter"/>, counted in <see cref="TotalRefused"/>.</summary>
    /// <param name="retryAfter">When a permit is likely to be free.</param>
    /// <returns>The lease.</returns>
    protected RateLimitLease Refuse(TimeSpan retryAfter)
    {
        Interlocked.Increment(ref _refused);
        return new PermitLease(false, retryAfter);
    }
}

/// <summary>What one response said about the key's rate limit.</summary>
/// <param name="Limit">Requests allowed per window (<c>X-RateLimit-Limit</c>), when sent.</param>
/// <param name="Remaining">Requests left in the window (<c>X-RateLimit-Remaining</c>), when sent.</param>
/// <param name="Reset">When the window resets (<c>X-RateLimit-Reset</c>), when sent.</param>
/// <param name="Rejected">True for a 429.</param>
/// <param name="RetryAfter">The response's <c>Retry-After</c>, when sent.</param>
public sealed record RateLimitFeedback(int? Limit, int? Remaining, DateTimeOffset? Reset, bool Rejected, TimeSpan? RetryAfter);

/// <summary>Settings of a <see cref="BotCadenceRateLimiter"/>.</summary>
public class BotCadenceRateLimiterOptions
{
    /// <summary>The limit assumed until the service's headers tell the real one (default 60, the smallest plan's).</summary>
    public int InitialLimit { get; set; } = 60;

    /// <summary>
    /// The window assumed until the service's resets show the real one (default one minute, the service's window).
    /// The limiter takes a shorter window when consecutive <c>X-RateLimit-Reset</c> values show one.
    /// </summary>
    public TimeSpan InitialWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest one attempt waits for a permit (default 30 s). When the wait would be longer, the call fails at once
    /// with a <see cref="BotCadenceRateLimitException"/> whose <c>RetryAfter</c> says when a permit is free.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// No permit of a window is handed out this close to its reset (default 250 ms): a request sent just before the reset
    /// may reach the service after it and count against the next window, which the limiter hands out in full.
    /// </summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Checks the settings; limiters call it when they are created.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (InitialLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialLimit), InitialLimit, "InitialLimit must be at least 1.");
        }

        if (InitialWindow < TimeSpan.FromMilliseconds(100))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialWindow), InitialWindow, "InitialWindow must be at least 100 ms.");
        }

        if (MaxWait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWait), MaxWait, "MaxWait must not be negative.");
        }

        if (SafetyMargin < TimeSpan.Zero || SafetyMargin >= InitialWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(SafetyMargin), SafetyMargin, "SafetyMargin must be between zero and InitialWindow.");
        }
    }
}

/// <summary>A granted or refused permit; a refused one carries <see cref="MetadataName.RetryAfter"/>.</summary>
internal sealed class PermitLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static readonly PermitLease Granted = new(true, null);

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = wait;
            return true;
        }

        metadata = null;
        return false;
    }
}
