using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;

namespace Botcadence.ReferenceServer.Agents;

/// <summary>/v1/agents routes (starter plan and above).</summary>
internal static class AgentEndpoints
{
    public const string MinimumPlan = Plans.Starter;

    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/agents").RequirePlan(MinimumPlan);
        group.MapGet("", List).RequireScope(Scopes.AgentsRead);
        group.MapGet("/{agentId}", Get).RequireScope(Scopes.AgentsRead);
        group.MapPost("/{agentId}/message", SendMessageAsync).RequireScope(Scopes.AgentsWrite);
        group.MapGet("/{agentId}/tasks", ListTasks).RequireScope(Scopes.AgentsRead);
        group.MapPut("/{agentId}/skills", SetSkillsAsync).RequireScope(Scopes.AgentsWrite);
    }

    /// <summary>Tokens of a text: one per four characters, rounded up (at least one for non-empty text).</summary>
    public static int Tokens(string text) => (text.Length + 3) / 4;

    private static IResult List(HttpContext context, AgentStore store) =>
        Pagination.FilteredPage(context, store, "status", Agent.Statuses, a => a.Status, a => a.ToJson());

    private static IResult Get(HttpContext context, string agentId, AgentStore store) =>
        ApiResults.Ok(store.Require(context.Caller().OrganizationId, agentId).ToJson());

    /// <summary>Delivers the message; the agent handles it at once as a task that completes with a reply.</summary>
    private static async Task<IResult> SendMessageAsync(
        HttpContext context, string agentId, AgentStore store, AgentMessageStore messages, AgentTaskStore tasks, EventBus events, ServerClock clock)
    {
        var agent = store.Require(context.Caller().OrganizationId, agentId);
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var content = Fields.TryGet(body, "content", out var c) && c is not null ? Fields.String(c, "content", 1, 10_000) : throw Fields.Required("content");
        var channel = Fields.TryGet(body, "channel", out var ch) ? Fields.NullableString(ch, "channel", 50) : null;
        JsonObject? metadata = null;
        if (Fields.TryGet(body, "metadata", out var m) && m is not null)
        {
            metadata = (JsonObject)Fields.Object(m, "metadata").DeepClone();
        }

        var now = clock.UtcNow;
        var reply = $"{agent.Name} handled: {content}";
        var messageId = Ids.New("msg");
        var taskId = Ids.New("task");
        var message = messages.Add(new AgentMessage(
            messageId, agent.OrganizationId, messages.NextSequence(), agent.Id, content, string.IsNullOrEmpty(channel) ? "api" : channel, metadata,
            taskId, Tokens(content), Tokens(reply), now));
        var task = tasks.Add(new AgentTask(taskId, agent.OrganizationId, tasks.NextSequence(), agent.Id, messageId, "completed", content, reply,
            message.InputTokens + message.OutputTokens, now, now));

        events.Publish(agent.OrganizationId, EventTypes.AgentMessageReceived, message.ToJson());
        events.Publish(agent.OrganizationId, EventTypes.AgentMessageSent, new JsonObject
        {
            ["agent_id"] = agent.Id,
            ["in_reply_to"] = message.Id,
            ["content"] = reply,
            ["channel"] = message.Channel,
        });
        events.Publish(agent.OrganizationId, EventTypes.AgentTaskCompleted, task.ToJson());
        return ApiResults.Ok(message.ToJson());
    }

    private static IResult ListTasks(HttpContext context, string agentId, AgentStore store, AgentTaskStore tasks)
    {
        var agent = store.Require(context.Caller().OrganizationId, agentId);
        var (page, perPage) = Pagination.PageParams(context);
        var items = tasks.List(agent.OrganizationId, t => t.AgentId == agent.Id);
        return ApiResults.Ok(Pagination.Page(items, page, perPage, t => t.ToJson()));
    }

    /// <summary>Replaces the skill list; publishes <c>agent.skill.installed</c> for each skill not installed before.</summary>
    private static async Task<IResult> SetSkillsAsync(HttpContext context, string agentId, AgentStore store, EventBus events, ServerClock clock)
    {
        store.Require(context.Caller().OrganizationId, agentId);
        var body = (await RequestBody.ReadObjectAsync(context, required: true).ConfigureAwait(false))!;
        var array = Fields.TryGet(body, "skills", out var s) && s is not null ? Fields.Array(s, "skills") : throw Fields.Required("skills");
        if (array.Count > 50)
        {
            throw Fields.Invalid("skills", "'skills' must hold at most 50 skills.");
        }

        var skills = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var skill = Fields.String(array[i], $"skills[{i}]", 1, 100);
            if (!skills.Contains(skill))
            {
                skills.Add(skill);
            }
        }

        IReadOnlyList<string> before = [];
        var updated = store.RequireUpdate(context.Caller().OrganizationId, agentId, a =>
        {
            before = a.Skills;
            return a with { Skills = skills, UpdatedAt = clock.UtcNow };
        });

        foreach (var skill in skills.Where(k => !before.Contains(k)))
        {
            events.Publish(updated.OrganizationId, EventTypes.AgentSkillInstalled, new JsonObject { ["agent_id"] = updated.Id, ["skill"] = skill });
        }

        return ApiResults.Ok(updated.ToJson());
    }
}
