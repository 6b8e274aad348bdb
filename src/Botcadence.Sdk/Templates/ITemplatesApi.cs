using Refit;

namespace Botcadence.Sdk;

/// <summary>The Templates endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface ITemplatesApi
{
    [Get("/templates")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? status, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/templates")]
    Task<HttpResponseMessage> CreateAsync([Body(buffered: true)] TemplateCreateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/templates/{templateId}")]
    Task<HttpResponseMessage> GetAsync(string templateId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Patch("/templates/{templateId}")]
    Task<HttpResponseMessage> UpdateAsync(string templateId, [Body(buffered: true)] TemplateUpdateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/templates/{templateId}/publish")]
    Task<HttpResponseMessage> PublishAsync(string templateId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
