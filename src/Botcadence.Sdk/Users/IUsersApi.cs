using Refit;

namespace Botcadence.Sdk;

/// <summary>The Users endpoint as Refit sees it. Internal: no Refit type is part of the public API.</summary>
internal interface IUsersApi
{
    [Get("/users")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? role, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
