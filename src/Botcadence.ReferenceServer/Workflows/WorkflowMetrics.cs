using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Executions;

namespace Botcadence.ReferenceServer.Workflows;

/// <summary>GET /v1/workflows/{id}/metrics, computed from the workflow's real executions.</summary>
internal static class WorkflowMetrics
{
    public const int MaxBuckets = 1000;

    private static readonly string[] Granularities = ["hour", "day", "week", "month"];

    public static IResult Get(HttpContext context, string workflowId, WorkflowStore store, ExecutionStore executions, ServerClock clock)
    {
        var workflow = WorkflowEndpoints.Require(context, store, workflowId);
        var end = Query.Date(context, "end_date") ?? clock.UtcNow;
        var start = Query.Date(context, "start_date") ?? end.AddDays(-7);
        var granularity = Query.OneOf(context, "granularity", Granularities) ?? "day";
        if (start > end)
        {
            throw Query.Bad("start_date", "Query parameter 'start_date' must not be after 'end_date'.");
        }

        var bucketStarts = Buckets(start, end, granularity);
        var facts = executions.Facts(workflow.OrganizationId, workflow.Id).Where(f => f.At >= start && f.At <= end).ToList();

        var timeseries = new JsonArray();
        for (var i = 0; i < bucketStarts.Count; i++)
        {
            var from = bucketStarts[i];
            var to = i + 1 < bucketStarts.Count ? bucketStarts[i + 1] : DateTimeOffset.MaxValue;
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
            ["granularity"] = granularity,
            ["period"] = new JsonObject
            {
                ["start_date"] = JsonResponse.Time(start),
                ["end_date"] = JsonResponse.Time(end),
            },
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

    /// <summary>Aligned bucket starts covering [start, end] (a bucket starting exactly at end is included).</summary>
    internal static List<DateTimeOffset> Buckets(DateTimeOffset start, DateTimeOffset end, string granularity)
    {
        var result = new List<DateTimeOffset>();
        try
        {
            var bucket = Align(start.ToUniversalTime(), granularity);
            do
            {
                if (result.Count == MaxBuckets)
                {
                    throw Query.Bad("granularity", $"The period spans more than {MaxBuckets} '{granularity}' buckets; use a coarser granularity or a shorter period.");
                }

                result.Add(bucket);
                bucket = Next(bucket, granularity);
            }
            while (bucket <= end);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Query.Bad("end_date", "Query parameter 'end_date' is out of range.");
        }

        return result;
    }

    private static DateTimeOffset Align(DateTimeOffset t, string granularity) => granularity switch
    {
        "hour" => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero),
        "day" => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero),
        "week" => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero).AddDays(-(((int)t.DayOfWeek + 6) % 7)),
        _ => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static DateTimeOffset Next(DateTimeOffset t, string granularity) => granularity switch
    {
        "hour" => t.AddHours(1),
        "day" => t.AddDays(1),
        "week" => t.AddDays(7),
        _ => t.AddMonths(1),
    };

    private sealed record Summary(int Completed, int Failed, double? SuccessRate, double? AverageDurationMs);
}
