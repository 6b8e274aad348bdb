using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Analytics;
using Botcadence.ReferenceServer.Executions;

namespace Botcadence.ReferenceServer.Workflows;

/// <summary>GET /v1/workflows/{id}/metrics, computed from the workflow's real executions.</summary>
internal static class WorkflowMetrics
{
    public static IResult Get(HttpContext context, string workflowId, WorkflowStore store, ExecutionStore executions, ServerClock clock)
    {
        var workflow = store.Require(context.Caller().OrganizationId, workflowId);
        var period = ReportingPeriod.Parse(context, clock);
        var buckets = period.Buckets();
        var facts = executions.Facts(workflow.OrganizationId, workflow.Id).Where(f => period.Contains(f.At)).ToList();

        var timeseries = new JsonArray();
        foreach (var (from, to) in buckets)
        {
            var inBucket = facts.Where(f => f.At >= from && f.At < to).ToList();
            var summary = Summarize(inBucket);
            timeseries.Add(new JsonObject
            {
                ["start"] = JsonResponse.Time(from),
                ["executions"] = inBucket.Count,
                ["successful_executions"] = summary.Completed,
                ["failed_executions"] = summary.Failed,
                ["success_rate"] = summary.SuccessRate,
                ["average_duration_ms"] = summary.AverageDurationMs,
            });
        }

        var total = Summarize(facts);
        return ApiResults.Ok(new JsonObject
        {
            ["workflow_id"] = workflow.Id,
            ["granularity"] = period.Granularity,
            ["period"] = period.ToJson(),
            ["metrics"] = new JsonObject
            {
                ["total_executions"] = facts.Count,
                ["successful_executions"] = total.Completed,
                ["failed_executions"] = total.Failed,
                ["running_executions"] = facts.Count(f => !ExecutionStatus.IsFinished(f.Status)),
                ["success_rate"] = total.SuccessRate,
                ["average_duration_ms"] = total.AverageDurationMs,
            },
            ["timeseries"] = timeseries,
        });
    }

    private static Summary Summarize(List<ExecutionFacts> facts)
    {
        var completed = facts.Count(f => f.Status == ExecutionStatus.Completed);
        var failed = facts.Count(f => f.Status == ExecutionStatus.Failed);
        var durations = facts
            .Where(f => f.Status is ExecutionStatus.Completed or ExecutionStatus.Failed && f.DurationMs is not null)
            .Select(f => (double)f.DurationMs!.Value)
            .ToList();
        return new Summary(
            completed,
            failed,
            completed + failed == 0 ? null : Math.Round((double)completed / (completed + failed), 4),
            durations.Count == 0 ? null : Math.Round(durations.Average(), 2));
    }

    private sealed record Summary(int Completed, int Failed, double? SuccessRate, double? AverageDurationMs);
}
