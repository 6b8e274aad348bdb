using Refit;

namespace Botcadence.Sdk;

/// <summary>The Credentials endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface ICredentialsApi
{
    [Get("/credentials")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? type, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/credentials")]
    Task<HttpResponseMessage> CreateAsync([Body(buffered: true)] CredentialCreateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/credentials/{credentialId}")]
    Task<HttpResponseMessage> GetAsync(string credentialId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Delete("/credentials/{credentialId}")]
    Task<HttpResponseMessage> DeleteAsync(string credentialId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
