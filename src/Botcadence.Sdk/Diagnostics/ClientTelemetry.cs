using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;

namespace Botcadence.Sdk;

/// <summary>
/// The SDK's <see cref="ActivitySource"/>, <see cref="Meter"/> and instruments, and the retry hook. Every entry point
/// checks for a listener first, so with none attached nothing is allocated.
/// </summary>
internal static class ClientTelemetry
{
    internal const string OperationTag = "botcadence.operation";
    internal const string OutcomeTag = "botcadence.outcome";
    internal const string ErrorTypeTag = "error.type";
    internal const string ErrorCodeTag = "botcadence.error_code";
    internal const string StatusCodeTag = "http.response.status_code";
    internal const string MethodTag = "http.request.method";
    internal const string ResendCountTag = "http.request.resend_count";
    internal const string RetryReasonTag = "botcadence.retry.reason";
    internal const string ApiKeyPrefixTag = "botcadence.api_key_prefix";

    internal static readonly string Version = UserAgent.SdkVersion;

    public static readonly ActivitySource Source = new(BotCadenceDiagnostics.ActivitySourceName, Version);

    public static readonly Meter Meter = new(BotCadenceDiagnostics.MeterName, Version);

    /// <summary><c>botcadence.client.operation.duration</c> (s): one logical operation, all attempts and backoff included.</summary>
    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "botcadence.client.operation.duration", "s", "Duration of BotCadence SDK operations, retries and backoff included."
#if NET9_0_OR_GREATER
        , advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60] }
#endif
        );

    /// <summary><c>botcadence.client.retries</c>: each retry, tagged by its reason (status code, <c>timeout</c> or <c>network</c>).</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "botcadence.client.retries", "{retry}", "Retries of BotCadence requests, by reason: the status code, timeout or network.");

    /// <summary><c>botcadence.client.rate_limited</c>: each 429 response, retried or not.</summary>
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        "botcadence.client.rate_limited", "{response}", "Responses rejected by the BotCadence rate limiter (429).");

    /// <summary><c>botcadence.client.rate_limit.remaining</c>: the latest <c>X-RateLimit-Remaining</c> per API key prefix.</summary>
    public static readonly ObservableGauge<int> RateLimitRemaining = Meter.CreateObservableGauge(
        "botcadence.client.rate_limit.remaining", ObserveRemaining, "{request}",
        "The latest X-RateLimit-Remaining the service reported, per API key prefix.");

    private static readonly ConcurrentDictionary<string, int> LatestRemaining = new(StringComparer.Ordinal);

    /// <summary>Whether any listener wants SDK spans or client metrics; when false the pipeline does no telemetry work at all.</summary>
    public static bool IsEnabled =>
        Source.HasListeners() || OperationDuration.Enabled || Retries.Enabled || RateLimited.Enabled || RateLimitRemaining.Enabled;

    /// <summary>The key's first 12 characters (<c>sk_test_</c> and four more), and never more than half of it.</summary>
    internal static string ApiKeyPrefix(string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return string.Empty;
        }

        return apiKey[..Math.Min(12, apiKey.Length / 2)];
    }

    internal static void RecordRemaining(string apiKeyPrefix, int remaining) => LatestRemaining[apiKeyPrefix] = remaining;

    private static IEnumerable<Measurement<int>> ObserveRemaining()
    {
        foreach (var pair in LatestRemaining)
        {
            yield return new Measurement<int>(pair.Value, new KeyValuePair<string, object?>(ApiKeyPrefixTag, pair.Key));
        }
    }

    /// <summary>
    /// Called by the retry strategy before each retry: counts it by reason, counts a 429, and marks the operation span
    /// (<c>http.request.resend_count</c> and a <c>retry</c> event). Does nothing when the operation is not observed.
    /// </summary>
    public static void OnRetry(HttpRequestMessage? request, HttpResponseMessage? response, Exception? exception, int attemptNumber)
    {
        if (request is null || !request.Options.TryGetValue(OperationState.Key, out var state) || state is null)
        {
            return;
        }

        state.ResendCount = attemptNumber + 1;
        var reason = response is not null ? StatusText(response.StatusCode)
            : exception is Polly.Timeout.TimeoutRejectedException or OperationCanceledException ? "timeout" : "network";
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>(OperationTag, state.Operation), new KeyValuePair<string, object?>(RetryReasonTag, reason));
        }

        if (response?.StatusCode == HttpStatusCode.TooManyRequests && RateLimited.Enabled)
        {
            RateLimited.Add(1, new KeyValuePair<string, object?>(OperationTag, state.Operation));
        }

        if (state.Activity is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(ResendCountTag, state.ResendCount);
            activity.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
            {
                [ResendCountTag] = state.ResendCount,
                [RetryReasonTag] = reason,
            }));
        }
    }

    internal static string StatusText(HttpStatusCode status) => ((int)status).ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the retry hook needs to know about an observed operation; stored in the request's options.</summary>
internal sealed class OperationState
{
    public static readonly HttpRequestOptionsKey<OperationState> Key = new("Botcadence.Diagnostics.Operation");

    public OperationState(string operation, Activity? activity)
    {
        Operation = operation;
        Activity = activity;
    }

    public string Operation { get; }

    public Activity? Activity { get; }

    public int ResendCount { get; set; }
}
