namespace Botcadence.Sdk;

/// <summary>Analytics: token usage of the organization's agents. Starter plan and above.</summary>
public interface IAnalyticsClient
{
    /// <summary>Gets token usage per period (scope <c>analytics:read</c>; free plan: 403 PLAN_REQUIRED).</summary>
    /// <param name="options">Period, bucket size and agent; defaults to the last 7 days by day for all agents.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The totals and the per-bucket series.</returns>
    Task<TokenUsage> GetUsageAsync(TokenUsageOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class AnalyticsClient : IAnalyticsClient
{
    private readonly ClientCore _core;
    private readonly IAnalyticsApi _api;

    public AnalyticsClient(ClientCore core, IAnalyticsApi api)
    {
        _core = core;
        _api = api;
    }

    public Task<TokenUsage> GetUsageAsync(TokenUsageOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _core.ReadAsync(
            "Analytics.GetUsage", requestOptions, (call, ct) => _api.GetUsageAsync(Iso8601.Format(options?.StartDate), Iso8601.Format(options?.EndDate), options?.Granularity?.Value, options?.AgentId, call, ct),
            BotCadenceJsonContext.Default.TokenUsage, cancellationToken);
}
