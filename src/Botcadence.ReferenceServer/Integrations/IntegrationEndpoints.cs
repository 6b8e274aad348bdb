using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Integrations;

/// <summary>/v1/integrations routes.</summary>
internal static class IntegrationEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/integrations");
        group.MapGet("", List).RequireScope(Scopes.IntegrationsRead);
        group.MapGet("/{integrationId}", Get).RequireScope(Scopes.IntegrationsRead);
        group.MapPost("/{integrationId}/test", Test).RequireScope(Scopes.IntegrationsWrite);
    }

    private static IResult List(HttpContext context, IntegrationStore store)
    {
        var (page, perPage) = Pagination.PageParams(context);
        var status = Query.OneOf(context, "status", Integration.Statuses);
        var provider = Query.Single(context, "provider");
        var items = store.List(context.Caller().OrganizationId, i =>
            (status is null || i.Status == status) && (string.IsNullOrEmpty(provider) || i.Provider == provider));
        return ApiResults.Ok(Pagination.Page(items, page, perPage, i => i.ToJson()));
    }

    private static IResult Get(HttpContext context, string integrationId, IntegrationStore store) =>
        ApiResults.Ok(store.Require(context.Caller().OrganizationId, integrationId).ToJson());

    /// <summary>Checks the connection: ok only when the integration is connected. Deterministic latency per provider.</summary>
    private static IResult Test(HttpContext context, string integrationId, IntegrationStore store, ServerClock clock)
    {
        var now = clock.UtcNow;
        var integration = store.RequireUpdate(context.Caller().OrganizationId, integrationId, i => i with { LastTestedAt = now });
        var ok = integration.Status == Integration.Connected;
        var message = integration.Status switch
        {
            Integration.Connected => $"Connected to {integration.Name}.",
            Integration.Error => $"{integration.Name} rejected the stored credentials: the token has expired or was revoked. Reconnect the integration.",
            _ => $"{integration.Name} is not connected.",
        };
        return ApiResults.Ok(new JsonObject
        {
            ["ok"] = ok,
            ["latency_ms"] = 40 + (integration.Provider.Length * 17 % 60),
            ["message"] = message,
            ["tested_at"] = JsonResponse.Time(now),
        });
    }
}
