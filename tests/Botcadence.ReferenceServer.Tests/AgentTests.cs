using NUnit.Framework;

namespace Botcadence.ReferenceServer.Tests;

[TestFixture]
internal sealed class AgentTests : ServerFixture
{
    [Test]
    public async Task Message_creates_a_completed_task_events_and_usage()
    {
        var org = Server.CreateOrganization("agents");
        var api = new Api(Http, Server.BaseAddress, Server.CreateApiKey(org.Id).Key);
        var agents = await api.GetAsync("agents?status=online");
        Assert.That(agents.Code, Is.EqualTo(200), agents.Raw);
        Assert.That(agents.Body["total"]!.GetValue<int>(), Is.EqualTo(2));
        var id = Check.Ids(agents.Body)[0];

        var sent = await api.PostAsync($"agents/{id}/message", """{"content":"Book a table for 4 at 7pm tomorrow","channel":"api","metadata":{"customer_id":"cust_456"}}""");
        Assert.That(sent.Code, Is.EqualTo(200), sent.Raw);
        Assert.That(sent.Id, Does.StartWith("msg_"));
        Assert.That(Check.Str(sent.Body["status"]), Is.EqualTo("delivered"));
        Assert.That(Check.Str(sent.Body["agent_id"]), Is.EqualTo(id));
        Assert.That(Check.Str(sent.Body["metadata"]!["customer_id"]), Is.EqualTo("cust_456"));

        var tasks = await api.GetAsync($"agents/{id}/tasks");
        var task = tasks.Body["data"]![0]!;
        Assert.That(Check.Str(task["status"]), Is.EqualTo("completed"));
        Assert.That(Check.Str(task["message_id"]), Is.EqualTo(sent.Id));
        Assert.That(task["completed_at"], Is.Not.Null);

        var usage = await api.GetAsync("analytics/usage?granularity=hour");
        Assert.That(usage.Code, Is.EqualTo(200), usage.Raw);
        Assert.That(usage.Body["totals"]!["messages"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(usage.Body["totals"]!["input_tokens"]!.GetValue<int>(), Is.EqualTo(9), "34 characters / 4, rounded up");
        Assert.That(usage.Body["totals"]!["total_tokens"]!.GetValue<int>(), Is.EqualTo(task["tokens_used"]!.GetValue<int>()));

        var events = Server.PublishedEvents(org.Id).Select(e => e.Type).ToList();
        Assert.That(events, Is.SupersetOf(new[] { "agent.message.received", "agent.message.sent", "agent.task.completed" }));
    }

    [Test]
    public async Task Skills_are_replaced_and_new_ones_published()
    {
        var org = Server.CreateOrganization("skills");
        var api = new Api(Http, Server.BaseAddress, Server.CreateApiKey(org.Id).Key);
        var agent = Server.AddAgent(org.Id, "Helper", skills: ["faq"]);
        var put = await api.PutAsync($"agents/{agent.Id}/skills", """{"skills":["faq","booking","booking"]}""");
        Assert.That(put.Code, Is.EqualTo(200), put.Raw);
        Assert.That(put.Body["skills"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "faq", "booking" }));
        var installed = Server.PublishedEvents(org.Id).Where(e => e.Type == "agent.skill.installed").ToList();
        Assert.That(installed.Select(e => e.Data["skill"]!.GetValue<string>()), Is.EqualTo(new[] { "booking" }));

        Check.Error(await api.PutAsync($"agents/{agent.Id}/skills", """{"skills":["ok",""]}"""), 422, "VALIDATION_ERROR", "skills[1]");
        Check.Error(await api.PutAsync($"agents/{agent.Id}/skills", """{}"""), 400, "INVALID_REQUEST", "skills");
        Check.Error(await api.PostAsync($"agents/{agent.Id}/message", """{"channel":"api"}"""), 400, "INVALID_REQUEST", "content");
        Check.Error(await api.PostAsync($"agents/{agent.Id}/message", """{"content":"hi","metadata":[]}"""), 400, "INVALID_REQUEST", "metadata");
        Check.Error(await NewTenant().GetAsync("agents/" + agent.Id), 404, "NOT_FOUND");
        Check.Error(await api.GetAsync("analytics/usage?granularity=year"), 400, "INVALID_REQUEST", "granularity");
        Check.Error(await api.GetAsync("analytics/usage?start_date=2026-02-01&end_date=2026-01-01"), 400, "INVALID_REQUEST", "start_date");
    }

    [TestCase("free", 403)]
    [TestCase("starter", 200)]
    [TestCase("enterprise", 200)]
    public async Task Agents_and_analytics_need_the_starter_plan(string plan, int status)
    {
        var api = NewTenant(plan: plan);
        foreach (var path in new[] { "agents", "analytics/usage" })
        {
            var response = await api.GetAsync(path);
            if (status == 403)
            {
                var error = Check.Error(response, 403, "PLAN_REQUIRED");
                Assert.That(Check.Str(error["details"]!["required_plan"]), Is.EqualTo("starter"));
            }
            else
            {
                Assert.That(response.Code, Is.EqualTo(200), response.Raw);
            }
        }
    }
}
