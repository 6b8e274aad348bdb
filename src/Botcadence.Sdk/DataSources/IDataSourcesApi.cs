using Refit;

namespace Botcadence.Sdk;

/// <summary>The Data sources endpoints as Refit sees them. Internal: no Refit type is part of the public API.</summary>
internal interface IDataSourcesApi
{
    [Get("/data-sources")]
    Task<HttpResponseMessage> ListAsync(int? page, [AliasAs("per_page")] int? perPage, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Get("/data-sources/{dataSourceId}/records")]
    Task<HttpResponseMessage> ListRecordsAsync(string dataSourceId, string? cursor, int? limit, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Post("/data-sources/{dataSourceId}/records")]
    Task<HttpResponseMessage> CreateRecordAsync(string dataSourceId, [Body(buffered: true)] DataSourceRecordRequest body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);

    [Patch("/data-sources/{dataSourceId}/records/{recordId}")]
    Task<HttpResponseMessage> UpdateRecordAsync(string dataSourceId, string recordId, [Body(buffered: true)] DataSourceRecordRequest body, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
