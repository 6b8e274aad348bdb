using Refit;

namespace Botcadence.Sdk;

/// <summary>The Analytics endpoint as Refit sees it. Internal: no Refit type is part of the public API.</summary>
internal interface IAnalyticsApi
{
    [Get("/analytics/usage")]
    Task<HttpResponseMessage> GetUsageAsync([AliasAs("start_date")] string? startDate, [AliasAs("end_date")] string? endDate, string? granularity, [AliasAs("agent_id")] string? agentId, [Property(CallContext.PropertyName)] CallContext call, CancellationToken cancellationToken);
}
