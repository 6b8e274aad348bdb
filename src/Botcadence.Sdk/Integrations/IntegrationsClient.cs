namespace Botcadence.Sdk;

/// <summary>Integrations: the third-party services connected to the organization.</summary>
public interface IIntegrationsClient
{
    /// <summary>Lists the connected integrations, newest first (scope <c>integrations:read</c>).</summary>
    /// <param name="options">Filters and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The integrations, enumerable item by item or page by page.</returns>
    AsyncPageable<Integration> ListAsync(IntegrationListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets an integration (scope <c>integrations:read</c>).</summary>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The integration.</returns>
    Task<Integration> GetAsync(string integrationId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tests the connection (scope <c>integrations:write</c>). A failing connection is not an exception: the result has
    /// <see cref="IntegrationTestResult.Ok"/> false and a message.
    /// </summary>
    /// <param name="integrationId">The integration's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it works, the latency and a message.</returns>
    Task<IntegrationTestResult> TestAsync(string integrationId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class IntegrationsClient : IIntegrationsClient
{
    private readonly ClientCore _core;
    private readonly IIntegrationsApi _api;

    public IntegrationsClient(ClientCore core, IIntegrationsApi api)
    {
        _core = core;
        _api = api;
    }

    public AsyncPageable<Integration> ListAsync(IntegrationListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var status = options?.Status?.Value;
        var provider = options?.Provider;
        var pageSize = options?.PageSize;
        return _core.PageStyle("Integrations.List", requestOptions, (call, page, perPage, ct) => _api.ListAsync(page, perPage, status, provider, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeIntegration, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<Integration> GetAsync(string integrationId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(integrationId);
        return _core.ReadAsync("Integrations.Get", requestOptions, (call, ct) => _api.GetAsync(integrationId, call, ct), BotCadenceJsonContext.Default.Integration, cancellationToken);
    }

    public Task<IntegrationTestResult> TestAsync(string integrationId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(integrationId);
        return _core.ReadAsync("Integrations.Test", requestOptions, (call, ct) => _api.TestAsync(integrationId, call, ct), BotCadenceJsonContext.Default.IntegrationTestResult, cancellationToken);
    }
}
