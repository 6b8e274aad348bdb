using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.RateLimiting;

namespace Botcadence.Sdk.RateLimiting;

/// <summary>
/// Waits for a permit before each attempt (it sits inside the retry), then tells a <see cref="BotCadenceRateLimiter"/> what
/// the service answered. When no permit comes in time it answers a <see cref="RateLimitRejectedResponse"/> itself: a 429
/// the retry does not retry, which the normal error path turns into a <see cref="BotCadenceRateLimitException"/>.
/// The caller's cancellation and the attempt timeout cancel the wait like any other part of the attempt.
/// </summary>
internal sealed class RateLimitingHandler(RateLimiter limiter, TimeSpan waitBudget, TimeProvider timeProvider) : DelegatingHandler
{
    internal const string RejectedCode = "CLIENT_RATE_LIMITED";

    /// <summary>
    /// The handler for <paramref name="options"/>, or none when no limiter is set. The wait for a permit may use 90 % of
    /// the shorter of the attempt's <see cref="BotCadenceClientOptions.AttemptTimeout"/> and the call's total
    /// <see cref="BotCadenceClientOptions.Timeout"/> (or its <see cref="RequestOptions.Timeout"/>), so a call that gets no
    /// permit in time fails with the rate-limit exception rather than a timeout.
    /// </summary>
    public static DelegatingHandler[] For(BotCadenceClientOptions options, TimeProvider timeProvider) =>
        options.GetRateLimiter() is { } limiter
            ? [new RateLimitingHandler(limiter, Shorter(options.AttemptTimeout, options.Timeout) * 0.9, timeProvider)]
            : [];

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>The wait budget of this attempt: the handler's, or less when the call's own total timeout is shorter.</summary>
    private TimeSpan BudgetFor(HttpRequestMessage request) =>
        CallContext.TryGet(request, out var call) && call.Options?.Timeout is { } own ? Shorter(waitBudget, own * 0.9) : waitBudget;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RateLimitLease lease;
        using (var budget = new CancellationTokenSource(BudgetFor(request), timeProvider))
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token))
        {
            try
            {
                lease = await limiter.AcquireAsync(1, waiting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return new RateLimitRejectedResponse(request, null);
            }
        }

        using var acquired = lease;
        if (!lease.IsAcquired)
        {
            return new RateLimitRejectedResponse(request, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (limiter is BotCadenceRateLimiter adaptive)
        {
            // Every response, with headers or not: the first one also ends the limiter's one-at-a-time probe.
            var info = RateLimitInfo.FromHeaders(response.Headers);
            await adaptive.ObserveAsync(
                new RateLimitFeedback(info?.Limit, info?.Remaining, info?.Reset, response.StatusCode == HttpStatusCode.TooManyRequests, RetryAfterHeader.Read(response, timeProvider)),
                cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}

/// <summary>The 429 the SDK answers itself when the client-side limiter gives no permit in time; never retried.</summary>
internal sealed class RateLimitRejectedResponse : HttpResponseMessage
{
    public RateLimitRejectedResponse(HttpRequestMessage request, TimeSpan? retryAfter)
        : base(HttpStatusCode.TooManyRequests)
    {
        RequestMessage = request;
        var seconds = retryAfter is { } wait ? Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)) : (long?)null;
        if (seconds is { } s)
        {
            Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(s));
        }

        var message = seconds is { } n
            ? $"The client-side rate limiter has no permit for this key within its MaxWait; the next is free in about {n.ToString(CultureInfo.InvariantCulture)} s. The request was not sent."
            : "The client-side rate limiter refused a permit for this key. The request was not sent.";
        Content = new StringContent(
            "{\"error\":{\"code\":\"" + RateLimitingHandler.RejectedCode + "\",\"message\":\"" + message + "\"}}",
            Encoding.UTF8, "application/json");
    }
}
