using System.Text.Json.Nodes;
using Botcadence.ReferenceServer.Events;

namespace Botcadence.ReferenceServer.Agents;

/// <summary>An AI agent of an organization.</summary>
internal sealed record Agent(
    string Id,
    string OrganizationId,
    long Sequence,
    string Name,
    string? Description,
    string Status,
    IReadOnlyList<string> Skills,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IOrganizationScoped
{
    public static readonly IReadOnlyList<string> Statuses = ["online", "offline", "busy"];

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["description"] = Description,
        ["status"] = Status,
        ["skills"] = new JsonArray([.. Skills.Select(s => (JsonNode)s)]),
        ["created_at"] = JsonResponse.Time(CreatedAt),
        ["updated_at"] = JsonResponse.Time(UpdatedAt),
    };
}

/// <summary>A message sent to an agent, with the token counts of its handling (for analytics).</summary>
internal sealed record AgentMessage(
    string Id,
    string OrganizationId,
    long Sequence,
    string AgentId,
    string Content,
    string Channel,
    JsonObject? Metadata,
    string TaskId,
    int InputTokens,
    int OutputTokens,
    DateTimeOffset CreatedAt) : IOrganizationScoped
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["status"] = "delivered",
        ["agent_id"] = AgentId,
        ["content"] = Content,
        ["channel"] = Channel,
        ["metadata"] = Metadata?.DeepClone(),
        ["task_id"] = TaskId,
        ["created_at"] = JsonResponse.Time(CreatedAt),
    };
}

/// <summary>A unit of work an agent did (handling one message).</summary>
internal sealed record AgentTask(
    string Id,
    string OrganizationId,
    long Sequence,
    string AgentId,
    string MessageId,
    string Status,
    string Input,
    string Output,
    int TokensUsed,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt) : IOrganizationScoped
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["agent_id"] = AgentId,
        ["message_id"] = MessageId,
        ["status"] = Status,
        ["input"] = Input,
        ["output"] = Output,
        ["tokens_used"] = TokensUsed,
        ["created_at"] = JsonResponse.Time(CreatedAt),
        ["completed_at"] = JsonResponse.Time(CompletedAt),
    };
}

/// <summary>Agents per organization; every organization starts with three.</summary>
internal sealed class AgentStore(ServerClock clock) : OrganizationScopedStore<Agent>
{
    public Agent Create(string organizationId, string name, string? description, string status, IReadOnlyList<string> skills)
    {
        var now = clock.UtcNow;
        return Add(new Agent(Ids.New("agt"), organizationId, NextSequence(), name, description, status, skills, now, now));
    }

    protected override IEnumerable<Agent> Seed(string organizationId)
    {
        var now = clock.UtcNow;
        yield return new Agent(Ids.New("agt"), organizationId, NextSeedSequence(), "Sales Agent", "Qualifies inbound leads.", "offline", ["crm"], now, now);
        yield return new Agent(Ids.New("agt"), organizationId, NextSeedSequence(), "Support Bot", "Answers customer questions.", "online", ["faq", "ticketing"], now, now);
        yield return new Agent(Ids.New("agt"), organizationId, NextSeedSequence(), "Reservations Assistant", "Books tables and appointments.", "online", ["booking", "faq"], now, now);
    }
}

/// <summary>Messages sent to agents.</summary>
internal sealed class AgentMessageStore : OrganizationScopedStore<AgentMessage>;

/// <summary>Agent task history.</summary>
internal sealed class AgentTaskStore : OrganizationScopedStore<AgentTask>;

/// <summary>/v1/agents and /v1/analytics routes (starter plan and above).</summary>
internal static class AgentEndpoints
{
    public const string MinimumPlan = Plans.Starter;

    public static void Map(RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/agents");
        group.MapGet("", List).RequireScope(Scopes.AgentsRead).RequirePlan(MinimumPlan);
        group.MapGet("/{agentId}", Get).RequireScope(Scopes.AgentsRead).RequirePlan(MinimumPlan);
        group.MapPost("/{agentId}/message", SendMessageAsync).RequireScope(Scopes.AgentsWrite).RequirePlan(MinimumPlan);
        group.MapGet("/{agentId}/tasks", ListTasks).RequireScope(Scopes.AgentsRead).RequirePlan(MinimumPlan);
        group.MapPut("/{agentId}/skills", SetSkillsAsync).RequireScope(Scopes.AgentsWrite).RequirePlan(MinimumPlan);
        v1.MapGet("/analytics/usage", Usage).RequireScope(Scopes.AnalyticsRead).RequirePlan(MinimumPlan);
    }

    /// <summary>Tokens of a text: one per four characters, rounded up (at least one for non-empty text).</summary>
    public static int Tokens(string text) => (text.Length + 3) / 4;

    private static Agent Require(HttpContext context, AgentStore store, string agentId) =>
        store.Get(context.Caller().OrganizationId, agentId) ?? throw ApiException.NotFound("Agent", agentId);

    private static IResult List(HttpContext context, AgentStore store)
    {
        var (page, perPage) = Pagination.PageParams(context);
        var status = Query.OneOf(context, "status", Agent.Statuses);
        var items = store.List(context.Caller().OrganizationId, a => status is null || a.Status == status);
        return ApiResults.Ok(Pagination.Page(items, page, perPage, a => a.ToJson()));
    }

    private static IResult Get(HttpContext context, string agentId, AgentStore store) =>
        ApiResults.Ok(Require(context, store, agentId).ToJson());

    /// <summary>Delivers the message; the agent handles it at once as a task that completes with a reply.</summary>
    private static async Task<IResult> SendMessageAsync(
        HttpContext context, string agentId, AgentStore store, AgentMessageStore messages, AgentTaskStore tasks, EventBus events, ServerClock clock)
    {
        var agent = Require(context, store, agentId);
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
        var agent = Require(context, store, agentId);
        var (page, perPage) = Pagination.PageParams(context);
        var items = tasks.List(agent.OrganizationId, t => t.AgentId == agent.Id);
        return ApiResults.Ok(Pagination.Page(items, page, perPage, t => t.ToJson()));
    }

    /// <summary>Replaces the skill list; publishes <c>agent.skill.installed</c> for each skill not installed before.</summary>
    private static async Task<IResult> SetSkillsAsync(HttpContext context, string agentId, AgentStore store, EventBus events, ServerClock clock)
    {
        Require(context, store, agentId);
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
        var updated = store.Update(context.Caller().OrganizationId, agentId, a =>
        {
            before = a.Skills;
            return a with { Skills = skills, UpdatedAt = clock.UtcNow };
        }) ?? throw ApiException.NotFound("Agent", agentId);

        foreach (var skill in skills.Where(k => !before.Contains(k)))
        {
            events.Publish(updated.OrganizationId, EventTypes.AgentSkillInstalled, new JsonObject { ["agent_id"] = updated.Id, ["skill"] = skill });
        }

        return ApiResults.Ok(updated.ToJson());
    }

    /// <summary>GET /v1/analytics/usage: token usage per bucket, computed from the messages agents handled.</summary>
    private static IResult Usage(HttpContext context, AgentStore store, AgentMessageStore messages, ServerClock clock)
    {
        var end = Query.Date(context, "end_date") ?? clock.UtcNow;
        var start = Query.Date(context, "start_date") ?? end.AddDays(-7);
        var granularity = Query.OneOf(context, "granularity", ["hour", "day", "week", "month"]) ?? "day";
        var agentId = Query.Single(context, "agent_id");
        if (start > end)
        {
            throw Query.Bad("start_date", "Query parameter 'start_date' must not be after 'end_date'.");
        }

        var organizationId = context.Caller().OrganizationId;
        if (!string.IsNullOrEmpty(agentId))
        {
            Require(context, store, agentId);
        }

        var facts = messages.List(organizationId, m => m.CreatedAt >= start && m.CreatedAt <= end && (string.IsNullOrEmpty(agentId) || m.AgentId == agentId));
        var buckets = Workflows.WorkflowMetrics.Buckets(start, end, granularity);
        var timeseries = new JsonArray();
        for (var i = 0; i < buckets.Count; i++)
        {
            var from = buckets[i];
            var to = i + 1 < buckets.Count ? buckets[i + 1] : DateTimeOffset.MaxValue;
            timeseries.Add(Totals(facts.Where(f => f.CreatedAt >= from && f.CreatedAt < to).ToList(), new JsonObject { ["start"] = JsonResponse.Time(from) }));
        }

        return ApiResults.Ok(new JsonObject
        {
            ["granularity"] = granularity,
            ["agent_id"] = string.IsNullOrEmpty(agentId) ? null : agentId,
            ["period"] = new JsonObject { ["start_date"] = JsonResponse.Time(start), ["end_date"] = JsonResponse.Time(end) },
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
