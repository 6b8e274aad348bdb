using Refit;

namespace Botcadence.Sdk;

/// <summary>The Integrations endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IIntegrationsApi
{
    [Get("/integrations")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? status, string? provider, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/integrations/{integrationId}")]
    Task<HttpResponseMessage> GetAsync(string integrationId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/integrations/{integrationId}/test")]
    Task<HttpResponseMessage> TestAsync(string integrationId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
