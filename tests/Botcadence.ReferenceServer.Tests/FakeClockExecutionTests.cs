using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

/// <summary>Executions and metrics driven step by step by a <see cref="FakeTimeProvider"/>.</summary>
[TestFixture]
internal sealed class FakeClockExecutionTests
{
    private static readonly HttpClient Http = new();
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private ReferenceServer _server = null!;
    private Api _api = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _time = new FakeTimeProvider(Monday);
        _server = await ReferenceServer.StartAsync(new ReferenceServerOptions { TimeProvider = _time, StepDuration = TimeSpan.FromSeconds(1) });
        _api = new Api(Http, _server.BaseAddress, _server.ApiKey);
    }

    [TearDown]
    public async Task TearDownAsync() => await _server.DisposeAsync();

    [Test]
    public async Task Steps_advance_only_when_the_clock_does()
    {
        var wf = await _api.CreateActiveWorkflowAsync("""[{"type":"a"},{"type":"b","config":{"delay_ms":2500}}]""");
        var id = Check.Str((await _api.ExecuteAsync(wf, """{"input":{"x":1}}"""))["id"]);

        var running = await WaitStepRunningAsync(id, 0);
        Assert.That(Check.Str(running["status"]), Is.EqualTo("running"));
        Assert.That(Check.Str(running["started_at"]), Is.EqualTo("2026-03-02T10:00:00.000Z"));
        Assert.That(Check.Str(running["steps"]![1]!["status"]), Is.EqualTo("pending"));

        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await WaitStepRunningAsync(id, 1);
        Assert.That(Check.Str(second["steps"]![0]!["status"]), Is.EqualTo("completed"));
        Assert.That(Check.Str(second["steps"]![0]!["completed_at"]), Is.EqualTo("2026-03-02T10:00:01.000Z"));
        Assert.That(second["steps"]![0]!["duration_ms"]!.GetValue<long>(), Is.EqualTo(1000));

        _time.Advance(TimeSpan.FromMilliseconds(2499));
        var still = await _api.GetAsync("executions/" + id);
        Assert.That(Check.Str(still.Body["status"]), Is.EqualTo("running"));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var done = await _api.PollExecutionAsync(id, e => Check.Str(e["status"]) == "completed");
        Assert.That(Check.Str(done["completed_at"]), Is.EqualTo("2026-03-02T10:00:03.500Z"));
        Assert.That(done["duration_ms"]!.GetValue<long>(), Is.EqualTo(3500));
        Assert.That(done["steps"]![1]!["duration_ms"]!.GetValue<long>(), Is.EqualTo(2500));
        Assert.That(Check.Str(done["created_at"]), Is.EqualTo("2026-03-02T10:00:00.000Z"));
    }

    [Test]
    public async Task Metrics_count_real_executions_in_aligned_buckets()
    {
        var wf = await _api.CreateActiveWorkflowAsync("""[{"type":"noop"}]""");

        await RunOneAsync(wf); // Monday 10:00, 1000 ms, completed
        _time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1)); // Tuesday 10:00
        await RunOneAsync(wf);
        var patched = await _api.PatchAsync("workflows/" + wf, """{"actions":[{"type":"fail","config":{"delay_ms":3000}}]}""");
        Assert.That(patched.Code, Is.EqualTo(200));
        await RunOneAsync(wf, TimeSpan.FromSeconds(3)); // Tuesday, failed after 3000 ms

        var metrics = await _api.GetAsync($"workflows/{wf}/metrics?start_date=2026-03-01T00:00:00Z&end_date=2026-03-05T00:00:00Z&granularity=day");
        Assert.That(metrics.Code, Is.EqualTo(200), metrics.Raw);
        var body = metrics.Body;
        Assert.That(Check.Str(body["workflow_id"]), Is.EqualTo(wf));
        Assert.That(Check.Str(body["granularity"]), Is.EqualTo("day"));
        Assert.That(Check.Str(body["period"]!["start_date"]), Is.EqualTo("2026-03-01T00:00:00.000Z"));
        Assert.That(Check.Str(body["period"]!["end_date"]), Is.EqualTo("2026-03-05T00:00:00.000Z"));
        var m = body["metrics"]!;
        Assert.That(m["total_executions"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(m["successful_executions"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(m["failed_executions"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(m["running_executions"]!.GetValue<int>(), Is.Zero);
        Assert.That(m["success_rate"]!.GetValue<double>(), Is.EqualTo(0.6667));
        Assert.That(m["average_duration_ms"]!.GetValue<double>(), Is.EqualTo(1666.67));

        var series = body["timeseries"]!.AsArray();
        Assert.That(series.Select(b => Check.Str(b!["start"])), Is.EqualTo(new[]
        {
            "2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z", "2026-03-03T00:00:00.000Z",
            "2026-03-04T00:00:00.000Z", "2026-03-05T00:00:00.000Z",
        }));
        Assert.That(series.Select(b => b!["executions"]!.GetValue<int>()), Is.EqualTo(new[] { 0, 1, 2, 0, 0 }));
        Assert.That(series[0]!["success_rate"], Is.Null);
        Assert.That(series[0]!["average_duration_ms"], Is.Null);
        Assert.That(series[1]!["success_rate"]!.GetValue<double>(), Is.EqualTo(1.0));
        Assert.That(series[1]!["average_duration_ms"]!.GetValue<double>(), Is.EqualTo(1000));
        Assert.That(series[2]!["successful_executions"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(series[2]!["failed_executions"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(series[2]!["success_rate"]!.GetValue<double>(), Is.EqualTo(0.5));
        Assert.That(series[2]!["average_duration_ms"]!.GetValue<double>(), Is.EqualTo(2000));

        var week = await _api.GetAsync($"workflows/{wf}/metrics?start_date=2026-03-01&end_date=2026-03-10&granularity=week");
        Assert.That(week.Body["timeseries"]!.AsArray().Select(b => Check.Str(b!["start"])), Is.EqualTo(new[]
        {
            "2026-02-23T00:00:00.000Z", "2026-03-02T00:00:00.000Z", "2026-03-09T00:00:00.000Z",
        }));
        Assert.That(week.Body["timeseries"]![1]!["executions"]!.GetValue<int>(), Is.EqualTo(3));

        var month = await _api.GetAsync($"workflows/{wf}/metrics?start_date=2026-02-15&end_date=2026-03-15&granularity=month");
        Assert.That(month.Body["timeseries"]!.AsArray().Select(b => Check.Str(b!["start"])), Is.EqualTo(new[] { "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z" }));

        var hour = await _api.GetAsync($"workflows/{wf}/metrics?start_date=2026-03-03T09:30:00Z&end_date=2026-03-03T11:00:00Z&granularity=hour");
        Assert.That(hour.Body["timeseries"]!.AsArray().Select(b => b!["executions"]!.GetValue<int>()), Is.EqualTo(new[] { 0, 2, 0 }));

        // Default period: the last 7 days ending now, day buckets.
        var defaults = await _api.GetAsync($"workflows/{wf}/metrics");
        Assert.That(defaults.Body["metrics"]!["total_executions"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(Check.Str(defaults.Body["granularity"]), Is.EqualTo("day"));
        Assert.That(defaults.Body["timeseries"]!.AsArray(), Has.Count.EqualTo(8));

        var workflow = await _api.GetAsync("workflows/" + wf);
        Assert.That(workflow.Body["execution_count"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(workflow.Body["success_rate"]!.GetValue<double>(), Is.EqualTo(0.6667));
    }

    [Test]
    public async Task Idempotency_records_expire_after_24_hours()
    {
        var first = await _api.PostAsync("workflows", """{"name":"x"}""", r => r.Headers.Add("Idempotency-Key", "day"));
        _time.Advance(TimeSpan.FromHours(23));
        var replay = await _api.PostAsync("workflows", """{"name":"x"}""", r => r.Headers.Add("Idempotency-Key", "day"));
        Assert.That(replay.Id, Is.EqualTo(first.Id));
        _time.Advance(TimeSpan.FromHours(2));
        var fresh = await _api.PostAsync("workflows", """{"name":"x"}""", r => r.Headers.Add("Idempotency-Key", "day"));
        Assert.That(fresh.Code, Is.EqualTo(201));
        Assert.That(fresh.Header("Idempotent-Replayed"), Is.Null);
        Assert.That(fresh.Id, Is.Not.EqualTo(first.Id));
    }

    private async Task RunOneAsync(string workflowId, TimeSpan? stepDuration = null)
    {
        var id = Check.Str((await _api.ExecuteAsync(workflowId))["id"]);
        await WaitStepRunningAsync(id, 0);
        _time.Advance(stepDuration ?? TimeSpan.FromSeconds(1));
        await _api.PollExecutionAsync(id, e => Check.Str(e["status"]) is "completed" or "failed");
    }

    private Task<JsonNode> WaitStepRunningAsync(string executionId, int step) =>
        _api.PollExecutionAsync(executionId, e => Check.Str(e["steps"]![step]!["status"]) == "running");
}
