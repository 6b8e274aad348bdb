using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Botcadence.Sdk;

/// <summary>
/// Retries 408, 429, 5xx, network failures (cut-off response bodies included) and attempt timeouts with exponential backoff and jitter. <c>Retry-After</c>
/// (seconds or HTTP-date) replaces the backoff when present; one beyond <see cref="BotCadenceClientOptions.MaxRetryDelay"/>
/// ends the retries so the caller gets the error at once. A mutating request (POST, PATCH, PUT, DELETE) is retried only with
/// an idempotency key (the SDK always sets one), and a call marked non-replayable (a streamed upload) never is. Every delay observes the caller's cancellation token.
/// </summary>
internal static partial class RetryStrategy
{
    /// <summary>The most retries any call may ask for (<see cref="RequestOptions.MaxRetries"/> and the options are validated to it).</summary>
    internal const int MaxAllowedRetries = 10;

    /// <summary>
    /// Outermost first: the call's total timeout (<see cref="RequestOptions.Timeout"/> or <see cref="BotCadenceClientOptions.Timeout"/>)
    /// → retry → one attempt's timeout (<see cref="BotCadenceClientOptions.AttemptTimeout"/>), as Microsoft.Extensions.Http.Resilience
    /// names and orders them.
    /// </summary>
    public static Polly.ResiliencePipeline<HttpResponseMessage> Build(BotCadenceClientOptions options, TimeProvider timeProvider, ILogger logger) =>
        Build(Settings.Of(options), timeProvider, logger);

    /// <summary>
    /// As <see cref="Build(BotCadenceClientOptions, TimeProvider, ILogger)"/>, from the settings read when the client was
    /// created (the pipeline itself is built on the first request; later changes to the options object do not apply).
    /// </summary>
    public static Polly.ResiliencePipeline<HttpResponseMessage> Build(Settings options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        var total = options.Timeout;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "Botcadence.TotalTimeout",
            TimeoutGenerator = args => new ValueTask<TimeSpan>(
                CallContext.TryGet(args.Context.GetRequestMessage(), out var call) && call.Options?.Timeout is { } own ? own : total),
        });

        var maxDelay = options.MaxRetryDelay;
        var maxRetries = options.MaxRetries;
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "Botcadence.Retry",
            MaxRetryAttempts = MaxAllowedRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryDelay,
            MaxDelay = maxDelay,
            ShouldHandle = args => new ValueTask<bool>(
                ShouldRetry(args.Outcome, args.Context, maxDelay, timeProvider) && args.AttemptNumber < AllowedRetries(args.Context, maxRetries)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(
                args.Outcome.Result is { } response ? RetryAfterHeader.Read(response, timeProvider) : null),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                ClientTelemetry.OnRetry(request, args.Outcome.Result, args.Outcome.Exception, args.AttemptNumber);
                LogRetry(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                    args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds,
                    args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "?");
                return default;
            },
        });

        // A call that cannot be replayed (a streamed upload) has one attempt: only the total timeout bounds it.
        var attempt = options.AttemptTimeout;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "Botcadence.AttemptTimeout",
            TimeoutGenerator = args => new ValueTask<TimeSpan>(
                CallContext.TryGet(args.Context.GetRequestMessage(), out var call) && !call.Replayable ? System.Threading.Timeout.InfiniteTimeSpan : attempt),
        });
        return builder.Build();
    }

    /// <summary>The client options the pipeline reads, copied when the client is created.</summary>
    internal sealed record Settings(TimeSpan Timeout, TimeSpan AttemptTimeout, TimeSpan RetryDelay, TimeSpan MaxRetryDelay, int MaxRetries)
    {
        public static Settings Of(BotCadenceClientOptions options) =>
            new(options.Timeout, options.AttemptTimeout, options.RetryDelay, options.MaxRetryDelay, options.MaxRetries);
    }

    private static int AllowedRetries(ResilienceContext context, int clientMaxRetries) =>
        CallContext.TryGet(context.GetRequestMessage(), out var call) && call.Options?.MaxRetries is { } own ? own : clientMaxRetries;

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeSpan maxDelay, TimeProvider timeProvider)
    {
        if (context.CancellationToken.IsCancellationRequested || !HttpClientResiliencePredicates.IsTransient(outcome) || outcome.Result is RateLimiting.RateLimitRejectedResponse)
        {
            return false;
        }

        if (context.GetRequestMessage() is { } request)
        {
            if (CallContext.IsMutating(request.Method) && !request.Headers.Contains(IdempotencyKeyHeader.Name))
            {
                return false;
            }

            if (CallContext.TryGet(request, out var call) && !call.Replayable)
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
