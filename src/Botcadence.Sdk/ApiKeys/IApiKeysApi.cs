using Refit;

namespace Botcadence.Sdk;

/// <summary>The API-key endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IApiKeysApi
{
    [Get("/api-keys")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/api-keys")]
    Task<HttpResponseMessage> CreateAsync([Body(buffered: true)] ApiKeyCreateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Delete("/api-keys/{keyId}")]
    Task<HttpResponseMessage> RevokeAsync(string keyId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
