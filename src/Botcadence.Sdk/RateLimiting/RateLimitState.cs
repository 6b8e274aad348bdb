namespace Botcadence.Sdk.RateLimiting;

/// <summary>
/// The limiter's arithmetic, on milliseconds since the epoch. <see cref="LocalRateLimiter"/> runs it under a lock; the
/// Redis limiter runs the same steps in a Lua script. Windows roll forward by the learned window; the service's headers
/// set the reset and only ever lower what is left (requests in flight are not counted by the service yet). Until the first
/// response is observed, one request at a time goes out (a probe), so a fleet starting at once does not send the assumed
/// <see cref="BotCadenceRateLimiterOptions.InitialLimit"/> before it has learned the real one. The window's length is
/// learned from two consecutive resets of the service; until then a window that ends is rolled forward by
/// <see cref="BotCadenceRateLimiterOptions.InitialWindow"/>, a guess, so a caller that runs out of permits in it asks
/// again every <see cref="ProbePollMs"/> (until a response in the service's next window gives the real reset) instead of
/// waiting out, or being refused for, a window the service may not have.
/// </summary>
internal sealed class RateLimitState(int initialLimit, long initialWindowMs)
{
    public int Limit { get; private set; } = initialLimit;

    public int Remaining { get; private set; } = initialLimit;

    public long ResetMs { get; private set; }

    public long WindowMs { get; private set; } = initialWindowMs;

    public long LastServerResetMs { get; private set; }

    public bool Learned { get; private set; }

    public long ProbeUntilMs { get; private set; }

    /// <summary>True once two consecutive resets of the service have given the window's length.</summary>
    public bool WindowKnown { get; private set; }

    /// <summary>True while <see cref="ResetMs"/> comes from rolling by a window not known yet (not from the service).</summary>
    public bool ResetGuessed { get; private set; }

    /// <summary>How long a probe blocks others when its response never arrives.</summary>
    public const long ProbeMs = 2000;

    /// <summary>How often a waiter asks again while a probe is out.</summary>
    public const long ProbePollMs = 20;

    /// <summary>Takes <paramref name="permits"/> permits, or returns how long to wait (ms) before asking again.</summary>
    public long TryAcquire(long nowMs, int permits, long marginMs)
    {
        Roll(nowMs);
        if (Remaining < Math.Max(1, permits) || nowMs >= ResetMs - marginMs)
        {
            var wait = Math.Max(1, ResetMs - nowMs);
            return ResetGuessed ? Math.Min(wait, ProbePollMs) : wait;
        }

        if (!Learned)
        {
            if (nowMs < ProbeUntilMs)
            {
                return Math.Min(ProbePollMs, ProbeUntilMs - nowMs);
            }

            ProbeUntilMs = nowMs + ProbeMs;
        }

        Remaining -= permits;
        return 0;
    }

    public void Observe(long nowMs, RateLimitFeedback feedback)
    {
        Roll(nowMs);
        Learned = true;
        if (feedback.Limit is > 0 and var limit)
        {
            Limit = limit;
        }

        if (feedback.Reset is { } reset)
        {
            var serverReset = reset.ToUnixTimeMilliseconds();
            if (LastServerResetMs > 0 && serverReset > LastServerResetMs && serverReset - LastServerResetMs <= WindowMs)
            {
                WindowMs = serverReset - LastServerResetMs;
                WindowKnown = true;
            }

            // A response about a window that is already over (it was in flight across the reset) says nothing now.
            if (serverReset > nowMs && serverReset >= LastServerResetMs)
            {
                LastServerResetMs = serverReset;
                ResetMs = serverReset;
                ResetGuessed = false;
                if (feedback.Remaining is { } remaining)
                {
                    Remaining = Math.Min(Remaining, Math.Max(0, remaining));
                }
            }
        }

        if (feedback.Rejected)
        {
            Remaining = 0;
            if (feedback.RetryAfter is { } retryAfter && nowMs + (long)retryAfter.TotalMilliseconds > ResetMs)
            {
                ResetMs = nowMs + (long)retryAfter.TotalMilliseconds;
            }
        }
    }

    private void Roll(long nowMs)
    {
        if (nowMs < ResetMs)
        {
            return;
        }

        ResetMs = ResetMs > 0 ? ResetMs + (((nowMs - ResetMs) / WindowMs) + 1) * WindowMs : nowMs + WindowMs;
        Remaining = Limit;
        ResetGuessed = LastServerResetMs > 0 && !WindowKnown;
    }
}
