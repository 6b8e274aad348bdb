namespace Botcadence.Sdk;

/// <summary>Templates: process blueprints that runs are launched from.</summary>
public interface ITemplatesClient
{
    /// <summary>Lists templates, newest first (scope <c>templates:read</c>). Pages are fetched as you enumerate.</summary>
    /// <param name="options">Filter and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The templates, enumerable item by item or page by page.</returns>
    AsyncPageable<Template> ListAsync(TemplateListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a template with its task definitions (scope <c>templates:read</c>).</summary>
    /// <param name="templateId">The template's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The template.</returns>
    Task<Template> GetAsync(string templateId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a draft template (scope <c>templates:write</c>).</summary>
    /// <param name="options">The definition; <see cref="TemplateCreateOptions.Name"/> is required.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The draft.</returns>
    Task<Template> CreateAsync(TemplateCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Changes a draft (PATCH, scope <c>templates:write</c>). A published template is a <see cref="BotCadenceConflictException"/>.</summary>
    /// <param name="templateId">The template's id.</param>
    /// <param name="options">The fields to change; unset ones are left as they are.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated draft.</returns>
    Task<Template> UpdateAsync(string templateId, TemplateUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes a draft so it can launch runs (scope <c>templates:publish</c>). Publishing twice is a
    /// <see cref="BotCadenceConflictException"/>; a template without tasks is a <see cref="BotCadenceValidationException"/>.
    /// </summary>
    /// <param name="templateId">The template's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The published template.</returns>
    Task<Template> PublishAsync(string templateId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class TemplatesClient : ITemplatesClient
{
    private readonly ClientCore _core;
    private readonly ITemplatesApi _api;

    public TemplatesClient(ClientCore core, ITemplatesApi api)
    {
        _core = core;
        _api = api;
    }

    public AsyncPageable<Template> ListAsync(TemplateListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var status = options?.Status?.Value;
        var pageSize = options?.PageSize;
        return _core.PageStyle("Templates.List", requestOptions, (call, page, perPage, ct) => _api.ListAsync(page, perPage, status, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeTemplate, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<Template> GetAsync(string templateId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        return _core.ReadAsync("Templates.Get", requestOptions, (call, ct) => _api.GetAsync(templateId, call, ct), BotCadenceJsonContext.Default.Template, cancellationToken);
    }

    public Task<Template> CreateAsync(TemplateCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync("Templates.Create", requestOptions, (call, ct) => _api.CreateAsync(options, call, ct), BotCadenceJsonContext.Default.Template, cancellationToken);
    }

    public Task<Template> UpdateAsync(string templateId, TemplateUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync("Templates.Update", requestOptions, (call, ct) => _api.UpdateAsync(templateId, options, call, ct), BotCadenceJsonContext.Default.Template, cancellationToken);
    }

    public Task<Template> PublishAsync(string templateId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        return _core.ReadAsync("Templates.Publish", requestOptions, (call, ct) => _api.PublishAsync(templateId, call, ct), BotCadenceJsonContext.Default.Template, cancellationToken);
    }
}
