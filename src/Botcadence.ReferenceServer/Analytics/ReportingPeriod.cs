using System.Text.Json.Nodes;

namespace Botcadence.ReferenceServer.Analytics;

/// <summary>
/// The period of a report (<c>start_date</c>, <c>end_date</c>, <c>granularity</c>) and its aligned time buckets: what
/// <c>GET /v1/analytics/usage</c> and <c>GET /v1/workflows/{id}/metrics</c> both read.
/// </summary>
internal sealed record ReportingPeriod(DateTimeOffset Start, DateTimeOffset End, string Granularity)
{
    public const int MaxBuckets = 1000;

    private static readonly string[] Granularities = ["hour", "day", "week", "month"];

    /// <summary>
    /// Reads the query: <c>end_date</c> defaults to now, <c>start_date</c> to a week before it, <c>granularity</c> to
    /// day; a start after the end is 400 naming <c>start_date</c>.
    /// </summary>
    public static ReportingPeriod Parse(HttpContext context, ServerClock clock)
    {
        var end = Query.Date(context, "end_date") ?? clock.UtcNow;
        var start = Query.Date(context, "start_date") ?? end.AddDays(-7);
        var granularity = Query.OneOf(context, "granularity", Granularities) ?? "day";
        return start <= end
            ? new ReportingPeriod(start, end, granularity)
            : throw Query.Bad("start_date", "Query parameter 'start_date' must not be after 'end_date'.");
    }

    /// <summary>True when <paramref name="at"/> lies in [start, end].</summary>
    public bool Contains(DateTimeOffset at) => at >= Start && at <= End;

    /// <summary>The wire shape of <c>period</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["start_date"] = JsonResponse.Time(Start),
        ["end_date"] = JsonResponse.Time(End),
    };

    /// <summary>
    /// The aligned buckets covering [start, end] (a bucket starting exactly at the end is included), each as
    /// [From, To); the last one is open-ended. More than <see cref="MaxBuckets"/> is 400 naming <c>granularity</c>.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Buckets()
    {
        var starts = new List<DateTimeOffset>();
        try
        {
            var bucket = Align(Start.ToUniversalTime());
            do
            {
                if (starts.Count == MaxBuckets)
                {
                    throw Query.Bad("granularity", $"The period spans more than {MaxBuckets} '{Granularity}' buckets; use a coarser granularity or a shorter period.");
                }

                starts.Add(bucket);
                bucket = Next(bucket);
            }
            while (bucket <= End);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Query.Bad("end_date", "Query parameter 'end_date' is out of range.");
        }

        return [.. starts.Select((from, i) => (from, i + 1 < starts.Count ? starts[i + 1] : DateTimeOffset.MaxValue))];
    }

    private DateTimeOffset Align(DateTimeOffset t) => Granularity switch
    {
        "hour" => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero),
        "day" => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero),
        "week" => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero).AddDays(-(((int)t.DayOfWeek + 6) % 7)),
        _ => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private DateTimeOffset Next(DateTimeOffset t) => Granularity switch
    {
        "hour" => t.AddHours(1),
        "day" => t.AddDays(1),
        "week" => t.AddDays(7),
        _ => t.AddMonths(1),
    };
}
