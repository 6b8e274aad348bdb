using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Botcadence.Sdk;

/// <summary>
/// Retries 408, 429, 5xx, network failures and attempt timeouts with exponential backoff and jitter. <c>Retry-After</c>
/// (seconds or HTTP-date) replaces the backoff when present; one beyond <see cref="BotCadenceClientOptions.MaxRetryDelay"/>
/// ends the retries so the caller gets the error at once. A POST is retried only with an idempotency key, and a request
/// marked non-replayable (a streamed upload) never is. Every delay observes the caller's cancellation token.
/// </summary>
internal static partial class RetryStrategy
{
    /// <summary>Set on a request whose content cannot be sent twice.</summary>
    internal static readonly HttpRequestOptionsKey<bool> NonReplayable = new("Botcadence.NonReplayable");

    public static Polly.ResiliencePipeline<HttpResponseMessage> Build(BotCadenceClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            var maxDelay = options.MaxRetryDelay;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, maxDelay, timeProvider)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result is { } response ? RetryAfterHeader.Read(response, timeProvider) : null),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    LogRetry(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                        args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "?");
                    return default;
                },
            });
        }

        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxDelay, TimeProvider timeProvider)
    {
        if (context.CancellationToken.IsCancellationRequested || !HttpClientResiliencePredicates.IsTransient(outcome) || outcome.Result is RateLimiting.RateLimitRejectedResponse)
        {
            return false;
        }

        if (context.GetRequestMessage() is { } request)
        {
            if (request.Method == HttpMethod.Post && !request.Headers.Contains(IdempotencyKeyHandler.HeaderName))
            {
                return false;
            }

            if (request.Options.TryGetValue(NonReplayable, out var nonReplayable) && nonReplayable)
            {
                return false;
            }
        }

        return outcome.Result is not { } response || RetryAfterHeader.Read(response, timeProvider) is not { } wait || wait <= maxDelay;
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Retrying {Method} {Path}: attempt {Attempt} in {DelayMs} ms after {Outcome}.")]
    private static partial void LogRetry(ILogger logger, string method, string path, int attempt, double delayMs, string outcome);
}
