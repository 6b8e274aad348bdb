using System.Collections;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

/// <summary>The events Templates/Runs/Forms publish on the event bus (read through reflection: the bus is internal).</summary>
[TestFixture]
internal sealed class ProcessEventTests
{
    private static readonly HttpClient Http = new();

    private static List<(string Type, JsonObject Data)> Events(ReferenceServer server, string organizationId)
    {
        var busType = typeof(ReferenceServer).Assembly.GetType("Botcadence.ReferenceServer.Events.EventBus", throwOnError: true)!;
        var bus = server.Services.GetService(busType)!;
        var history = (IEnumerable)busType.GetMethod("History")!.Invoke(bus, [organizationId])!;
        return history.Cast<object>()
            .Select(e => ((string)e.GetType().GetProperty("Type")!.GetValue(e)!, (JsonObject)e.GetType().GetProperty("Data")!.GetValue(e)!))
            .ToList();
    }

    [Test]
    public async Task Runs_and_forms_publish_their_events_and_run_overdue_once()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 10, 14, 22, 0, TimeSpan.Zero));
        await using var server = await ReferenceServer.StartAsync(new ReferenceServerOptions { TimeProvider = time });
        var org = server.CreateOrganization("events");
        var api = new Api(Http, server.BaseAddress, server.CreateApiKey(org.Id).Key);

        var form = (await api.PostAsync("forms", """{"name":"f","fields":[{"name":"email","type":"email"}]}""")).Id;
        var submission = (await api.PostAsync($"forms/{form}/submissions", """{"data":{"email":"a@b.co"}}""")).Id;

        var template = (await api.PostAsync("templates", """{"name":"t","tasks":[{"name":"a"},{"name":"b","required":false}]}""")).Id;
        await api.PostAsync($"templates/{template}/publish");
        var run = await api.PostAsync("runs", $$"""{"template_id":"{{template}}","due_date":"2026-04-10T15:00:00Z"}""");
        var task = Check.Str(run.Body["tasks"]![0]!["id"]);

        time.Advance(TimeSpan.FromHours(1));
        await api.GetAsync("runs/" + run.Id);
        await api.GetAsync("runs");
        await api.GetAsync("runs/" + run.Id);
        var completed = await api.PatchAsync($"runs/{run.Id}/tasks/{task}", """{"status":"COMPLETED","value":"done"}""");
        Assert.That(completed.Code, Is.EqualTo(200), completed.Raw);

        var events = Events(server, org.Id);
        Assert.That(events.Select(e => e.Type), Is.EqualTo(new[] { "form.submitted", "run.created", "run.overdue", "task.completed", "run.completed" }));
        Assert.That(Check.Str(events[0].Data["submission_id"]), Is.EqualTo(submission));
        Assert.That(Check.Str(events[0].Data["form_id"]), Is.EqualTo(form));
        Assert.That(Check.Str(events[1].Data["run_id"]), Is.EqualTo(run.Id));
        Assert.That(Check.Str(events[2].Data["run_id"]), Is.EqualTo(run.Id));
        Assert.That(Check.Str(events[3].Data["task_id"]), Is.EqualTo(task));
        Assert.That(Check.Str(events[4].Data["template_id"]), Is.EqualTo(template));
        Assert.That(Check.Str(events[4].Data["completed_at"]), Is.EqualTo("2026-04-10T15:22:00.000Z"));
    }
}
