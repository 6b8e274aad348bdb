using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Agents;

namespace Botcadence.ReferenceServer.Analytics;

/// <summary>/v1/analytics routes (the agents' plan: starter and above).</summary>
internal static class AnalyticsEndpoints
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapGet("/analytics/usage", Usage).RequireScope(Scopes.AnalyticsRead).RequirePlan(AgentEndpoints.MinimumPlan);

    /// <summary>GET /v1/analytics/usage: token usage per bucket, computed from the messages agents handled.</summary>
    private static IResult Usage(HttpContext context, AgentStore agents, AgentMessageStore messages, ServerClock clock)
    {
        var period = ReportingPeriod.Parse(context, clock);
        var agentId = Query.Single(context, "agent_id");
        var organizationId = context.Caller().OrganizationId;
        if (!string.IsNullOrEmpty(agentId))
        {
            agents.Require(organizationId, agentId);
        }

        var facts = messages.List(organizationId, m => period.Contains(m.CreatedAt) && (string.IsNullOrEmpty(agentId) || m.AgentId == agentId));
        var timeseries = new JsonArray();
        foreach (var (from, to) in period.Buckets())
        {
            timeseries.Add(Totals(facts.Where(f => f.CreatedAt >= from && f.CreatedAt < to).ToList(), new JsonObject { ["start"] = JsonResponse.Time(from) }));
        }

        return ApiResults.Ok(new JsonObject
        {
            ["granularity"] = period.Granularity,
            ["agent_id"] = string.IsNullOrEmpty(agentId) ? null : agentId,
            ["period"] = period.ToJson(),
            ["totals"] = Totals(facts, []),
            ["timeseries"] = timeseries,
        });
    }

    private static JsonObject Totals(IReadOnlyList<AgentMessage> facts, JsonObject into)
    {
        var input = facts.Sum(f => (long)f.InputTokens);
        var output = facts.Sum(f => (long)f.OutputTokens);
        into["messages"] = facts.Count;
        into["input_tokens"] = input;
        into["output_tokens"] = output;
        into["total_tokens"] = input + output;
        return into;
    }
}
