namespace Botcadence.Sdk;

/// <summary>Templates: process blueprints that runs are launched from.</summary>
public interface ITemplatesClient
{
    /// <summary>Lists templates, newest first (scope <c>templates:read</c>). Pages are fetched as you enumerate.</summary>
    /// <param name="options">Filter and page size.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The templates, enumerable item by item or page by page.</returns>
    AsyncPageable<Template> ListAsync(TemplateListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a template with its task definitions (scope <c>templates:read</c>).</summary>
    /// <param name="templateId">The template's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The template.</returns>
    Task<Template> GetAsync(string templateId, CancellationToken cancellationToken = default);

    /// <summary>Creates a draft template (scope <c>templates:write</c>).</summary>
    /// <param name="options">The definition; <see cref="TemplateCreateOptions.Name"/> is required.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The draft.</returns>
    Task<Template> CreateAsync(TemplateCreateOptions options, CancellationToken cancellationToken = default);

    /// <summary>Changes a draft (PATCH, scope <c>templates:write</c>). A published template is a <see cref="BotCadenceConflictException"/>.</summary>
    /// <param name="templateId">The template's id.</param>
    /// <param name="options">The fields to change; unset ones are left as they are.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated draft.</returns>
    Task<Template> UpdateAsync(string templateId, TemplateUpdateOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes a draft so it can launch runs (scope <c>templates:publish</c>). Publishing twice is a
    /// <see cref="BotCadenceConflictException"/>; a template without tasks is a <see cref="BotCadenceValidationException"/>.
    /// </summary>
    /// <param name="templateId">The template's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The published template.</returns>
    Task<Template> PublishAsync(string templateId, CancellationToken cancellationToken = default);
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

    public AsyncPageable<Template> ListAsync(TemplateListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var status = options?.Status?.Value;
        var pageSize = options?.PageSize;
        return _core.PageStyle((page, perPage, ct) => _api.ListAsync(page, perPage, status, ct),
            BotCadenceJsonContext.Default.PageEnvelopeTemplate, pageSize, cancellationToken);
    }

    public Task<Template> GetAsync(string templateId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        return _core.ReadAsync(_api.GetAsync(templateId, cancellationToken), BotCadenceJsonContext.Default.Template, cancellationToken);
    }

    public Task<Template> CreateAsync(TemplateCreateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync(_api.CreateAsync(options, cancellationToken), BotCadenceJsonContext.Default.Template, cancellationToken);
    }

    public Task<Template> UpdateAsync(string templateId, TemplateUpdateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync(_api.UpdateAsync(templateId, options, cancellationToken), BotCadenceJsonContext.Default.Template, cancellationToken);
    }

    public Task<Template> PublishAsync(string templateId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        return _core.ReadAsync(_api.PublishAsync(templateId, cancellationToken), BotCadenceJsonContext.Default.Template, cancellationToken);
    }
}
