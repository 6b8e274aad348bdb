namespace Botcadence.Sdk;

/// <summary>Agents: AI agents you message, whose task history you read and whose skills you manage. Starter plan and above.</summary>
public interface IAgentsClient
{
    /// <summary>Lists agents, newest first (scope <c>agents:read</c>; free plan: 403 PLAN_REQUIRED).</summary>
    /// <param name="options">Filters and page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The agents, enumerable item by item or page by page.</returns>
    AsyncPageable<Agent> ListAsync(AgentListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Gets an agent (scope <c>agents:read</c>).</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The agent.</returns>
    Task<Agent> GetAsync(string agentId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a message to an agent (scope <c>agents:write</c>); the agent handles it as a task.</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="options">The content (required), channel and metadata.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The delivered message, with the id of its task.</returns>
    Task<AgentMessage> SendMessageAsync(string agentId, AgentMessageOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Lists an agent's task history, newest first (scope <c>agents:read</c>).</summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="options">Page size.</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The tasks, enumerable item by item or page by page.</returns>
    AsyncPageable<AgentTask> ListTasksAsync(string agentId, AgentTaskListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets an agent's skills (PUT, scope <c>agents:write</c>): skills not listed are removed, new ones installed.
    /// </summary>
    /// <param name="agentId">The agent's id.</param>
    /// <param name="skills">The complete skill list (duplicates are ignored; empty removes all).</param>
    /// <param name="requestOptions">Per-call settings (idempotency key, extra headers, total timeout, retries, API key); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated agent.</returns>
    Task<Agent> SetSkillsAsync(string agentId, IEnumerable<string> skills, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}

/// <inheritdoc />
internal sealed class AgentsClient : IAgentsClient
{
    private readonly ClientCore _core;
    private readonly IAgentsApi _api;

    public AgentsClient(ClientCore core, IAgentsApi api)
    {
        _core = core;
        _api = api;
    }

    public AsyncPageable<Agent> ListAsync(AgentListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var status = options?.Status?.Value;
        var pageSize = options?.PageSize;
        return _core.PageStyle("Agents.List", requestOptions, (call, page, perPage, ct) => _api.ListAsync(page, perPage, status, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeAgent, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<Agent> GetAsync(string agentId, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        return _core.ReadAsync("Agents.Get", requestOptions, (call, ct) => _api.GetAsync(agentId, call, ct), BotCadenceJsonContext.Default.Agent, cancellationToken);
    }

    public Task<AgentMessage> SendMessageAsync(string agentId, AgentMessageOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(options);
        return _core.ReadAsync("Agents.SendMessage", requestOptions, (call, ct) => _api.SendMessageAsync(agentId, options, call, ct), BotCadenceJsonContext.Default.AgentMessage, cancellationToken);
    }

    public AsyncPageable<AgentTask> ListTasksAsync(string agentId, AgentTaskListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        var pageSize = options?.PageSize;
        return _core.PageStyle("Agents.ListTasks", requestOptions, (call, page, perPage, ct) => _api.ListTasksAsync(agentId, page, perPage, call, ct),
            BotCadenceJsonContext.Default.PageEnvelopeAgentTask, pageSize, cancellationToken, options?.PrefetchNextPage == true);
    }

    public Task<Agent> SetSkillsAsync(string agentId, IEnumerable<string> skills, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(skills);
        var body = new SetSkillsRequest { Skills = skills.ToList() };
        return _core.ReadAsync("Agents.SetSkills", requestOptions, (call, ct) => _api.SetSkillsAsync(agentId, body, call, ct), BotCadenceJsonContext.Default.Agent, cancellationToken);
    }
}
