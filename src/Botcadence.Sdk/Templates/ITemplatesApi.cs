using Refit;

namespace Botcadence.Sdk;

/// <summary>The Templates endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface ITemplatesApi
{
    [Get("/templates")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? status, CancellationToken cancellationToken);

    [Post("/templates")]
    Task<HttpResponseMessage> CreateAsync([Body(buffered: true)] TemplateCreateOptions body, CancellationToken cancellationToken);

    [Get("/templates/{templateId}")]
    Task<HttpResponseMessage> GetAsync(string templateId, CancellationToken cancellationToken);

    [Patch("/templates/{templateId}")]
    Task<HttpResponseMessage> UpdateAsync(string templateId, [Body(buffered: true)] TemplateUpdateOptions body, CancellationToken cancellationToken);

    [Post("/templates/{templateId}/publish")]
    Task<HttpResponseMessage> PublishAsync(string templateId, CancellationToken cancellationToken);
}
