using Refit;

namespace Botcadence.Sdk;

/// <summary>The Integrations endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IIntegrationsApi
{
    [Get("/integrations")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? status, string? provider, CancellationToken cancellationToken);

    [Get("/integrations/{integrationId}")]
    Task<HttpResponseMessage> GetAsync(string integrationId, CancellationToken cancellationToken);

    [Post("/integrations/{integrationId}/test")]
    Task<HttpResponseMessage> TestAsync(string integrationId, CancellationToken cancellationToken);
}
