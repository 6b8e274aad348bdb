using System.Text.Json.Nodes;
using Botcadence.ReferenceServer;
using Microsoft.Extensions.Time.Testing;

namespace Botcadence.Sdk.Tests;

/// <summary>Every Agents and Analytics operation through the SDK against the in-process reference server.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AgentsTests
{
    [Test]
    public async Task Agents_are_listed_fetched_and_filtered_by_status()
    {
        var (client, _, _) = ServerFixture.NewTenant();
        using var clientScope = client;

        var all = await client.Agents.ListAsync().ToListAsync();
        var online = await client.Agents.ListAsync(new AgentListOptions { Status = AgentStatus.Online, PageSize = 1 }).ToListAsync();
        var offline = await client.Agents.ListAsync(new AgentListOptions { Status = AgentStatus.Offline }).ToListAsync();
        var fetched = await client.Agents.GetAsync(online[0].Id);

        Assert.That(all, Has.Count.EqualTo(3));
        Assert.That(online, Has.Count.EqualTo(2));
        Assert.That(offline.Single().Name, Is.EqualTo("Sales Agent"));
        Assert.That(fetched.Name, Is.EqualTo("Reservations Assistant"));
        Assert.That(fetched.Skills, Is.EqualTo(new[] { "booking", "faq" }));
        Assert.That(fetched.Id, Does.StartWith("agt_"));
    }

    [Test]
    public async Task Agent_lists_page_across_three_pages()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var seeded = (await client.Agents.ListAsync().ToListAsync()).Select(a => a.Id).ToList();
        var added = ServerFixture.Server.AddAgent(org.Id, "Extra", "busy", ["x"]);
        var more = ServerFixture.Server.AddAgent(org.Id, "More");

        await PagingAssert.ThreePagesAndResumeAsync(client.Agents.ListAsync(), a => a.Id, [more.Id, added.Id, .. seeded]);
        Assert.That((await client.Agents.ListAsync(new AgentListOptions { Status = AgentStatus.Busy }).ToListAsync()).Single().Id, Is.EqualTo(added.Id));
    }

    [Test]
    public async Task A_message_is_delivered_and_becomes_a_completed_task()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var agent = ServerFixture.Server.AddAgent(org.Id, "Booker");

        var message = await client.Agents.SendMessageAsync(agent.Id, new AgentMessageOptions
        {
            Content = "Book a table for 4 at 7pm tomorrow",
            Channel = "api",
            Metadata = new JsonObject { ["customer_id"] = "cust_456", ["priority"] = "normal" }.ToElement(),
        });
        var tasks = await client.Agents.ListTasksAsync(agent.Id).ToListAsync();

        Assert.That(message.Id, Does.StartWith("msg_"));
        Assert.That(message.Status, Is.EqualTo(MessageStatus.Delivered));
        Assert.That(message.AgentId, Is.EqualTo(agent.Id));
        Assert.That(message.Metadata!.Value.GetProperty("customer_id").GetString(), Is.EqualTo("cust_456"));
        var task = tasks.Single();
        Assert.That(task.Id, Is.EqualTo(message.TaskId));
        Assert.That(task.Status, Is.EqualTo(AgentTaskStatus.Completed));
        Assert.That(task.MessageId, Is.EqualTo(message.Id));
        Assert.That(task.Input, Is.EqualTo("Book a table for 4 at 7pm tomorrow"));
        Assert.That(task.Output, Is.Not.Empty);
        Assert.That(task.TokensUsed, Is.Positive);
        Assert.That(task.CompletedAt, Is.Not.Null);
        var events = ServerFixture.Server.PublishedEvents(org.Id).Select(e => e.Type).ToList();
        Assert.That(events, Is.EqualTo(new[] { "agent.message.received", "agent.message.sent", "agent.task.completed" }));
        var missingContent = await Assert.ThrowsAsync<BotCadenceValidationException>(async () =>
            await client.Agents.SendMessageAsync(agent.Id, new AgentMessageOptions()));
        Assert.That(missingContent!.Field, Is.EqualTo("content"));
    }

    [Test]
    public async Task Task_history_pages_across_three_pages()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var agent = ServerFixture.Server.AddAgent(org.Id, "Busy bee");
        var taskIds = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            taskIds.Add((await client.Agents.SendMessageAsync(agent.Id, new AgentMessageOptions { Content = $"message {i}" })).TaskId!);
        }

        await PagingAssert.ThreePagesAndResumeAsync(client.Agents.ListTasksAsync(agent.Id), t => t.Id, Enumerable.Reverse(taskIds).ToList());
        Assert.That(await client.Agents.ListTasksAsync(agent.Id, new AgentTaskListOptions { PageSize = 5 }).AsPages().ToListAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Skills_are_installed_and_removed()
    {
        var (client, org, _) = ServerFixture.NewTenant();
        using var clientScope = client;
        var agent = ServerFixture.Server.AddAgent(org.Id, "Skilled", skills: ["faq", "crm"]);

        var updated = await client.Agents.SetSkillsAsync(agent.Id, ["faq", "booking", "booking"]);
        var cleared = await client.Agents.SetSkillsAsync(agent.Id, []);

        Assert.That(updated.Skills, Is.EqualTo(new[] { "faq", "booking" }));
        Assert.That(cleared.Skills, Is.Empty);
        Assert.That((await client.Agents.GetAsync(agent.Id)).Skills, Is.Empty);
        var installed = ServerFixture.Server.PublishedEvents(org.Id).Where(e => e.Type == "agent.skill.installed").Select(e => e.Data["skill"]!.GetValue<string>());
        Assert.That(installed, Is.EqualTo(new[] { "booking" }));
        var blank = await Assert.ThrowsAsync<BotCadenceValidationException>(async () => await client.Agents.SetSkillsAsync(agent.Id, ["ok", ""]));
        Assert.That(blank!.Field, Is.EqualTo("skills[1]"));
    }

    [Test]
    public async Task Token_usage_is_counted_from_real_messages_by_period()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions { TimeProvider = clock });
        var org = server.CreateOrganization("usage", "pro");
        using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = server.CreateApiKey(org.Id).Key, BaseAddress = server.BaseAddress });
        var a = server.AddAgent(org.Id, "A");
        var b = server.AddAgent(org.Id, "B");

        await client.Agents.SendMessageAsync(a.Id, new AgentMessageOptions { Content = new string('x', 40) }); // 10 input tokens
        clock.Advance(TimeSpan.FromHours(2));
        await client.Agents.SendMessageAsync(a.Id, new AgentMessageOptions { Content = new string('y', 7) }); // 2
        await client.Agents.SendMessageAsync(b.Id, new AgentMessageOptions { Content = new string('z', 4) }); // 1

        var window = new TokenUsageOptions
        {
            StartDate = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
            EndDate = new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero),
            Granularity = MetricsGranularity.Hour,
        };
        var usage = await client.Analytics.GetUsageAsync(window);
        window.AgentId = a.Id;
        var onlyA = await client.Analytics.GetUsageAsync(window);
        var defaults = await client.Analytics.GetUsageAsync();

        Assert.That(usage.Granularity, Is.EqualTo(MetricsGranularity.Hour));
        Assert.That(usage.Totals.Messages, Is.EqualTo(3));
        Assert.That(usage.Totals.InputTokens, Is.EqualTo(13));
        Assert.That(usage.Totals.TotalTokens, Is.EqualTo(usage.Totals.InputTokens + usage.Totals.OutputTokens));
        Assert.That(usage.Timeseries.Select(t => t.Messages), Is.EqualTo(new long[] { 1, 0, 2, 0 }));
        Assert.That(usage.Timeseries[0].Start, Is.EqualTo(window.StartDate));
        Assert.That(usage.Timeseries[0].InputTokens, Is.EqualTo(10));
        Assert.That(usage.Period.EndDate, Is.EqualTo(window.EndDate));
        Assert.That(onlyA.AgentId, Is.EqualTo(a.Id));
        Assert.That(onlyA.Totals.InputTokens, Is.EqualTo(12));
        Assert.That(defaults.Granularity, Is.EqualTo(MetricsGranularity.Day));
        Assert.That(defaults.Totals.Messages, Is.EqualTo(3));
        window.AgentId = "agt_missing";
        await Assert.ThrowsAsync<BotCadenceNotFoundException>(async () => await client.Analytics.GetUsageAsync(window));
    }

    [Test]
    public async Task On_the_free_plan_every_agents_and_analytics_operation_is_403_plan_required()
    {
        var (owner, _, _) = ServerFixture.NewTenant();
        using var ownerScope = owner;
        var agentId = (await owner.Agents.ListAsync().ToListAsync())[0].Id;
        var (free, freeOrg, _) = ServerFixture.NewTenant(plan: "free");
        using var freeScope = free;
        var freeAgent = ServerFixture.Server.AddAgent(freeOrg.Id, "Free agent").Id;

        var calls = new Func<Task>[]
        {
            () => OperationMatrixTests.FirstPageAsync(free.Agents.ListAsync()),
            () => free.Agents.GetAsync(freeAgent),
            () => free.Agents.SendMessageAsync(freeAgent, new AgentMessageOptions { Content = "hi" }),
            () => OperationMatrixTests.FirstPageAsync(free.Agents.ListTasksAsync(freeAgent)),
            () => free.Agents.SetSkillsAsync(freeAgent, ["faq"]),
            () => free.Analytics.GetUsageAsync(),
        };
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<BotCadencePermissionException>(async () => await call());
            Assert.That(ex!.Code, Is.EqualTo(ErrorCode.PlanRequired));
            Assert.That(ex.Details!.Value.GetProperty("required_plan").GetString(), Is.EqualTo("starter"));
        }

        Assert.That(await owner.Agents.GetAsync(agentId), Is.Not.Null, "enterprise gets 200");
        Assert.That((await owner.Analytics.GetUsageAsync()).Totals.Messages, Is.Zero);
    }
}

/// <summary>Agents and Analytics operations for the matrix.</summary>
public sealed class AgentsMatrix : IOperationMatrix
{
    public async Task<IReadOnlyList<OperationCase>> ArrangeAsync(IBotCadenceClient owner)
    {
        var id = (await owner.Agents.ListAsync().ToListAsync())[0].Id;
        return
        [
            new("Agents.List", "agents:read", false, true, c => OperationMatrixTests.FirstPageAsync(c.Agents.ListAsync())),
            new("Agents.Get", "agents:read", true, true, c => c.Agents.GetAsync(id)),
            new("Agents.SendMessage", "agents:write", true, false, c => c.Agents.SendMessageAsync(id, new AgentMessageOptions { Content = "hello" })),
            new("Agents.ListTasks", "agents:read", true, true, c => OperationMatrixTests.FirstPageAsync(c.Agents.ListTasksAsync(id))),
            new("Agents.SetSkills", "agents:write", true, false, c => c.Agents.SetSkillsAsync(id, ["faq"])),
            new("Analytics.GetUsage", "analytics:read", false, true, c => c.Analytics.GetUsageAsync()),
        ];
    }
}
