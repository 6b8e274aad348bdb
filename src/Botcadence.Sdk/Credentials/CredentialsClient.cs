namespace Botcadence.Sdk;

/// <summary>Credentials: secrets (API keys, tokens, passwords) your workflows and integrations use. Values are write-only.</summary>
public interface ICredentialsClient
{
    /// <summary>Lists credentials, newest first (scope <c>credentials:read</c>). Values are never included.</summary>
    /// <param name="options">Filters and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The credentials, enumerable item by item or page by page.</returns>
    AsyncPageable<Credential> ListAsync(CredentialListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Stores a credential (scope <c>credentials:write</c>). The value is sent once and can never be read back.</summary>
    /// <param name="options">Name, type and value, all required.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The credential, without its value.</returns>
    Task<Credential> CreateAsync(CredentialCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a credential, without its value (scope <c>credentials:read</c>).</summary>
    /// <param name="credentialId">The credential's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The credential.</returns>
    Task<Credential> GetAsync(string credentialId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a credential permanently (scope <c>credentials:write</c>).</summary>
    /// <param name="credentialId">The credential's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the credential is deleted.</returns>
    Task<ResponseInfo> DeleteAsync(string credentialId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class CredentialsClient : ICredentialsClient
{
    private readonly ClientCore _core;
    private readonly ICredentialsApi _api;

    public CredentialsClient(ClientCore core, ICredentialsApi api)
    {
        _core = core;
        _api = api;
    }

    public AsyncPageable<Credential> ListAsync(CredentialListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var type = options?.Type?.Value;
        var pageSize = options?.PageSize;
        return _core.PageStyle("Credentials.List", requestOptions, (call, page, perPage, ct) => _api.ListAsync(page, perPage, type, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeCredential, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<Credential> CreateAsync(CredentialCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync("Credentials.Create", requestOptions, (call, ct) => _api.CreateAsync(options, call, ct), BotCadenceJsonContext.Default.Credential, cancellationToken);
    }

    public Task<Credential> GetAsync(string credentialId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        return _core.ReadAsync("Credentials.Get", requestOptions, (call, ct) => _api.GetAsync(credentialId, call, ct), BotCadenceJsonContext.Default.Credential, cancellationToken);
    }

    public Task<ResponseInfo> DeleteAsync(string credentialId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        return _core.ReadNothingAsync("Credentials.Delete", requestOptions, (call, ct) => _api.DeleteAsync(credentialId, call, ct), cancellationToken);
    }
}
