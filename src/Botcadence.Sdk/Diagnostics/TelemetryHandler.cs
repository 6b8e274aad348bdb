using System.Diagnostics;

namespace Botcadence.Sdk;

/// <summary>
/// The outermost handler: one <see cref="ActivityKind.Client"/> span per logical operation (parent of the per-attempt
/// spans <see cref="HttpClient"/> emits), and the operation's duration, outcome and rate-limit state as metrics.
/// With no listener it only forwards the request.
/// </summary>
internal sealed class TelemetryHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<string> PathTemplateKey = new(Refit.HttpRequestMessageOptions.RelativePathTemplate);

    private readonly string _apiKeyPrefix;
    private readonly TimeProvider _timeProvider;

    private readonly TimeSpan _totalTimeout;
    private readonly TimeSpan _attemptTimeout;

    public TelemetryHandler(BotCadenceClientOptions options, TimeProvider timeProvider)
    {
        _apiKeyPrefix = ClientTelemetry.ApiKeyPrefix(options.ApiKey);
        _totalTimeout = options.Timeout;
        _attemptTimeout = options.AttemptTimeout;
        _timeProvider = timeProvider;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ClientTelemetry.IsEnabled ? SendObservedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendObservedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = OperationName.Of(request);
        using var activity = ClientTelemetry.Source.StartActivity(operation, ActivityKind.Client);
        var state = new OperationState(operation, activity);
        request.Options.Set(OperationState.Key, state);
        if (activity is { IsAllDataRequested: true })
        {
            TagRequest(activity, request, operation);
        }

        var started = _timeProvider.GetTimestamp();
        HttpResponseMessage? response = null;
        string? errorType = null;
        string? errorCode = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                (errorType, errorCode) = await DescribeErrorAsync(response, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }
        catch (Exception ex)
        {
            errorType = (CallContext.TryGet(request, out var call)
                ? ClientCore.TranslateTransportFailure(ex, call, call.Options?.Timeout ?? _totalTimeout, _attemptTimeout, cancellationToken) ?? ex
                : ex).GetType().FullName;
            throw;
        }
        finally
        {
            Complete(activity, state, request, response, errorType, errorCode, _timeProvider.GetElapsedTime(started));
        }
    }

    private static void TagRequest(Activity activity, HttpRequestMessage request, string operation)
    {
        activity.SetTag(ClientTelemetry.OperationTag, operation);
        activity.SetTag(ClientTelemetry.MethodTag, request.Method.Method);
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
        }

        if (request.Options.TryGetValue(PathTemplateKey, out var template) && !string.IsNullOrEmpty(template))
        {
            activity.SetTag("url.template", template);
        }
    }

    /// <summary>The SDK exception type and API error code the caller will see, read from a buffered copy of the error body.</summary>
    private async Task<(string? ErrorType, string? ErrorCode)> DescribeErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var info = ResponseInfo.FromResponse(response);
        BotCadenceApiException error;
        try
        {
            // Buffered first, so ClientCore reads the same body afterwards.
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await response.Content.LoadIntoBufferAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
            error = await ErrorMapper.CreateAsync(response, info, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            error = ErrorMapper.Create(response.StatusCode, string.Empty, info, retryAfter: null);
        }

        return (error.GetType().FullName, error.Code.ToString());
    }

    private void Complete(Activity? activity, OperationState state, HttpRequestMessage request, HttpResponseMessage? response,
        string? errorType, string? errorCode, TimeSpan elapsed)
    {
        string? requestId = null;
        if (response is not null)
        {
            ResponseInfo.TryGetHeader(response.Headers, "X-Request-Id", out requestId);
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests && ClientTelemetry.RateLimited.Enabled)
            {
                ClientTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>(ClientTelemetry.OperationTag, state.Operation));
            }

            if (ClientTelemetry.RateLimitRemaining.Enabled && _apiKeyPrefix.Length > 0 &&
                ResponseInfo.TryGetHeader(response.Headers, "X-RateLimit-Remaining", out var remainingText) &&
                int.TryParse(remainingText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var remaining))
            {
                ClientTelemetry.RecordRemaining(_apiKeyPrefix, remaining);
            }
        }

        if (activity is { IsAllDataRequested: true })
        {
            if (response is not null)
            {
                activity.SetTag(ClientTelemetry.StatusCodeTag, (int)response.StatusCode);
                if (requestId is not null)
                {
                    activity.SetTag("botcadence.request_id", requestId);
                }

                if (request.Headers.Contains(IdempotencyKeyHeader.Name))
                {
                    activity.SetTag("botcadence.idempotency_replayed",
                        ResponseInfo.TryGetHeader(response.Headers, "Idempotent-Replayed", out var replayed) &&
                        string.Equals(replayed, "true", StringComparison.OrdinalIgnoreCase));
                }
            }

            if (state.ResendCount > 0)
            {
                activity.SetTag(ClientTelemetry.ResendCountTag, state.ResendCount);
            }

            if (errorType is not null)
            {
                activity.SetTag(ClientTelemetry.ErrorTypeTag, errorType);
                if (errorCode is not null)
                {
                    activity.SetTag(ClientTelemetry.ErrorCodeTag, errorCode);
                }

                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }
        }

        if (ClientTelemetry.OperationDuration.Enabled)
        {
            var tags = new TagList
            {
                { ClientTelemetry.OperationTag, state.Operation },
                { ClientTelemetry.MethodTag, request.Method.Method },
                { ClientTelemetry.OutcomeTag, errorType is null ? "success" : "error" },
            };
            if (response is not null)
            {
                tags.Add(ClientTelemetry.StatusCodeTag, (int)response.StatusCode);
            }

            if (errorType is not null)
            {
                tags.Add(ClientTelemetry.ErrorTypeTag, errorType);
            }

            ClientTelemetry.OperationDuration.Record(elapsed.TotalSeconds, tags);
        }
    }
}
