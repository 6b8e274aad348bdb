using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Integrations;

/// <summary>A connected third-party integration.</summary>
internal sealed record Integration(
    string Id,
    string OrganizationId,
    long Sequence,
    string Provider,
    string Name,
    string Status,
    DateTimeOffset ConnectedAt,
    DateTimeOffset? LastTestedAt) : IOrganizationScoped
{
    public const string Connected = "connected";
    public const string Error = "error";
    public const string Disconnected = "disconnected";

    public static readonly IReadOnlyList<string> Statuses = [Connected, Error, Disconnected];

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["provider"] = Provider,
        ["name"] = Name,
        ["status"] = Status,
        ["connected_at"] = JsonResponse.Time(ConnectedAt),
        ["last_tested_at"] = JsonResponse.Time(LastTestedAt),
    };
}

/// <summary>Integrations per organization; every organization starts with Slack and Gmail connected and HubSpot in error.</summary>
internal sealed class IntegrationStore(ServerClock clock) : OrganizationScopedStore<Integration>
{
    public Integration Create(string organizationId, string provider, string name, string status) =>
        Add(new Integration(Ids.New("intg"), organizationId, NextSequence(), provider, name, status, clock.UtcNow, null));

    protected override IEnumerable<Integration> Seed(string organizationId)
    {
        var now = clock.UtcNow;
        yield return new Integration(Ids.New("intg"), organizationId, NextSeedSequence(), "slack", "Slack", Integration.Connected, now, null);
        yield return new Integration(Ids.New("intg"), organizationId, NextSeedSequence(), "gmail", "Gmail", Integration.Connected, now, null);
        yield return new Integration(Ids.New("intg"), organizationId, NextSeedSequence(), "hubspot", "HubSpot", Integration.Error, now, null);
    }
}

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
        ApiResults.Ok((store.Get(context.Caller().OrganizationId, integrationId) ?? throw ApiException.NotFound("Integration", integrationId)).ToJson());

    /// <summary>Checks the connection: ok only when the integration is connected. Deterministic latency per provider.</summary>
    private static IResult Test(HttpContext context, string integrationId, IntegrationStore store, ServerClock clock)
    {
        var now = clock.UtcNow;
        var integration = store.Update(context.Caller().OrganizationId, integrationId, i => i with { LastTestedAt = now })
            ?? throw ApiException.NotFound("Integration", integrationId);
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
