namespace Botcadence.Sdk;

/// <summary>
/// API keys: list, create and revoke the organization's keys. These calls need a client configured with a session token
/// (<c>sess_…</c>) in <see cref="BotCadenceClientOptions.ApiKey"/>; with an API key they throw
/// <see cref="BotCadencePermissionException"/> (403 FORBIDDEN): an API key cannot manage API keys.
/// </summary>
public interface IApiKeysClient
{
    /// <summary>Lists the active (not revoked) keys, newest first. Session token only.</summary>
    /// <param name="options">Page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The keys (without their secret), enumerable item by item or page by page.</returns>
    AsyncPageable<ApiKey> ListAsync(ApiKeyListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a key. Session token only. The result's <see cref="ApiKey.PlainKey"/> is the only time the full key is shown.</summary>
    /// <param name="options">Name and scopes (required), expiry and resource mode.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key, with its plain value.</returns>
    Task<ApiKey> CreateAsync(ApiKeyCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key: later requests with it get 401 KEY_REVOKED. Session token only.</summary>
    /// <param name="keyId">The key's id (not its value).</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the key is revoked.</returns>
    Task<ResponseInfo> RevokeAsync(string keyId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class ApiKeysClient : IApiKeysClient
{
    private readonly ClientCore _core;
    private readonly IApiKeysApi _api;

    public ApiKeysClient(ClientCore core, IApiKeysApi api)
    {
        _core = core;
        _api = api;
    }

    public AsyncPageable<ApiKey> ListAsync(ApiKeyListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var pageSize = options?.PageSize;
        return _core.PageStyle("ApiKeys.List", requestOptions, (call, page, perPage, ct) => _api.ListAsync(page, perPage, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeApiKey, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<ApiKey> CreateAsync(ApiKeyCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync("ApiKeys.Create", requestOptions, (call, ct) => _api.CreateAsync(options, call, ct), BotCadenceJsonContext.Default.ApiKey, cancellationToken);
    }

    public Task<ResponseInfo> RevokeAsync(string keyId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        return _core.ReadNothingAsync("ApiKeys.Revoke", requestOptions, (call, ct) => _api.RevokeAsync(keyId, call, ct), cancellationToken);
    }
}
