using Refit;

namespace Botcadence.Sdk;

/// <summary>The Forms endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IFormsApi
{
    [Get("/forms")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, string? search, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/forms")]
    Task<HttpResponseMessage> CreateAsync([Body(buffered: true)] FormCreateOptions body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/forms/{formId}")]
    Task<HttpResponseMessage> GetAsync(string formId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/forms/{formId}/submissions")]
    Task<HttpResponseMessage> SubmitAsync(string formId, [Body(buffered: true)] FormSubmitRequest body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/forms/{formId}/submissions")]
    Task<HttpResponseMessage> ListSubmissionsAsync(string formId, string? cursor, int? limit, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
