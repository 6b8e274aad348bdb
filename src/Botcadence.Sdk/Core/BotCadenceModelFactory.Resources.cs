using System.Text.Json;

namespace Botcadence.Sdk;

// Typed factories for the resources output models (one per model; a test checks that every output model has one).
public static partial class BotCadenceModelFactory
{
    /// <summary>Builds a <see cref="Sdk.Credential"/> (a stored secret. Its value is write-only: the service never returns it) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The credential's id (opaque, e.g. <c>cred_…</c>).</param>
    /// <param name="name">The display name.</param>
    /// <param name="type">The kind of secret.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <returns>The model.</returns>
    public static Credential Credential(
        string? id = null,
        string? name = null,
        CredentialType? type = null,
        DateTimeOffset? createdAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Type = type ?? default,
            CreatedAt = createdAt ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.Integration"/> (a connected third-party service (Slack, Gmail, HubSpot, …)) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The integration's id (opaque, e.g. <c>intg_…</c>).</param>
    /// <param name="provider">The provider key, e.g. <c>slack</c>.</param>
    /// <param name="name">The display name.</param>
    /// <param name="status">The connection state.</param>
    /// <param name="connectedAt">When it was connected.</param>
    /// <param name="lastTestedAt">When it was last tested, or null.</param>
    /// <returns>The model.</returns>
    public static Integration Integration(
        string? id = null,
        string? provider = null,
        string? name = null,
        IntegrationStatus? status = null,
        DateTimeOffset? connectedAt = null,
        DateTimeOffset? lastTestedAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Provider = provider ?? string.Empty,
            Name = name ?? string.Empty,
            Status = status ?? default,
            ConnectedAt = connectedAt ?? default,
            LastTestedAt = lastTestedAt,
        };

    /// <summary>Builds a <see cref="Sdk.IntegrationTestResult"/> (the outcome of testing an integration's connection) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="ok">True when the connection works.</param>
    /// <param name="latencyMs">How long the check took, in milliseconds.</param>
    /// <param name="message">A human-readable explanation (why it failed, when it did).</param>
    /// <param name="testedAt">When the test ran.</param>
    /// <returns>The model.</returns>
    public static IntegrationTestResult IntegrationTestResult(
        bool? ok = null,
        int? latencyMs = null,
        string? message = null,
        DateTimeOffset? testedAt = null) =>
        new()
        {
            Ok = ok ?? default,
            LatencyMs = latencyMs ?? default,
            Message = message ?? string.Empty,
            TestedAt = testedAt ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.DataSource"/> (a structured table of the organization, used to populate form fields and drive template logic) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The data source's id (opaque, e.g. <c>ds_…</c>).</param>
    /// <param name="name">The display name.</param>
    /// <param name="description">A longer description.</param>
    /// <param name="columns">The columns every record is validated against.</param>
    /// <param name="recordCount">How many records it holds.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <returns>The model.</returns>
    public static DataSource DataSource(
        string? id = null,
        string? name = null,
        string? description = null,
        IEnumerable<DataSourceColumn>? columns = null,
        long? recordCount = null,
        DateTimeOffset? createdAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Description = description,
            Columns = columns?.ToList() ?? [],
            RecordCount = recordCount ?? default,
            CreatedAt = createdAt ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.DataSourceColumn"/> (one typed column of a data source) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="name">The column name: the key in <see cref="DataSourceRecord.Values"/>.</param>
    /// <param name="type">The value type.</param>
    /// <param name="required">Whether every record must have a value.</param>
    /// <returns>The model.</returns>
    public static DataSourceColumn DataSourceColumn(
        string? name = null,
        DataSourceColumnType? type = null,
        bool? required = null) =>
        new()
        {
            Name = name ?? string.Empty,
            Type = type ?? default,
            Required = required ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.DataSourceRecord"/> (one record (row) of a data source) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The record's id (opaque, e.g. <c>rec_…</c>).</param>
    /// <param name="dataSourceId">The data source it belongs to.</param>
    /// <param name="values">The values, keyed by column name.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="updatedAt">When it last changed.</param>
    /// <returns>The model.</returns>
    public static DataSourceRecord DataSourceRecord(
        string? id = null,
        string? dataSourceId = null,
        JsonElement? values = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            DataSourceId = dataSourceId ?? string.Empty,
            Values = values ?? EmptyObject(),
            CreatedAt = createdAt ?? default,
            UpdatedAt = updatedAt ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.User"/> (a member of the organization. Use the id to assign runs and tasks) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The user's id (opaque, e.g. <c>usr_…</c>).</param>
    /// <param name="name">The display name.</param>
    /// <param name="email">The e-mail address.</param>
    /// <param name="role">The role in the organization.</param>
    /// <param name="createdAt">When the member joined.</param>
    /// <returns>The model.</returns>
    public static User User(
        string? id = null,
        string? name = null,
        string? email = null,
        UserRole? role = null,
        DateTimeOffset? createdAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Email = email ?? string.Empty,
            Role = role ?? default,
            CreatedAt = createdAt ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.Agent"/> (an AI agent of the organization) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The agent's id (opaque, e.g. <c>agt_…</c>).</param>
    /// <param name="name">The display name.</param>
    /// <param name="description">What it does.</param>
    /// <param name="status">Whether it is available.</param>
    /// <param name="skills">The installed skills.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <param name="updatedAt">When it last changed.</param>
    /// <returns>The model.</returns>
    public static Agent Agent(
        string? id = null,
        string? name = null,
        string? description = null,
        AgentStatus? status = null,
        IEnumerable<string>? skills = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            Description = description,
            Status = status ?? default,
            Skills = skills?.ToList() ?? [],
            CreatedAt = createdAt ?? default,
            UpdatedAt = updatedAt ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.AgentMessage"/> (a message delivered to an agent) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The message's id (opaque, e.g. <c>msg_…</c>).</param>
    /// <param name="status">The delivery state.</param>
    /// <param name="agentId">The agent it was sent to.</param>
    /// <param name="content">The text sent.</param>
    /// <param name="channel">The channel it came through (default <c>api</c>).</param>
    /// <param name="metadata">The metadata sent with it.</param>
    /// <param name="taskId">The agent task that handles it (see <see cref="IAgentsClient.ListTasksAsync"/>).</param>
    /// <param name="createdAt">When it was sent.</param>
    /// <returns>The model.</returns>
    public static AgentMessage AgentMessage(
        string? id = null,
        MessageStatus? status = null,
        string? agentId = null,
        string? content = null,
        string? channel = null,
        JsonElement? metadata = null,
        string? taskId = null,
        DateTimeOffset? createdAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Status = status ?? default,
            AgentId = agentId ?? string.Empty,
            Content = content,
            Channel = channel,
            Metadata = metadata,
            TaskId = taskId,
            CreatedAt = createdAt ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.AgentTask"/> (a unit of work an agent did, e.g. handling one message) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The task's id (opaque, e.g. <c>task_…</c>).</param>
    /// <param name="agentId">The agent.</param>
    /// <param name="messageId">The message that started it.</param>
    /// <param name="status">The state.</param>
    /// <param name="input">What the agent was asked.</param>
    /// <param name="output">What the agent answered.</param>
    /// <param name="tokensUsed">Tokens used (input plus output).</param>
    /// <param name="createdAt">When it started.</param>
    /// <param name="completedAt">When it finished, or null.</param>
    /// <returns>The model.</returns>
    public static AgentTask AgentTask(
        string? id = null,
        string? agentId = null,
        string? messageId = null,
        AgentTaskStatus? status = null,
        string? input = null,
        string? output = null,
        long? tokensUsed = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? completedAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            AgentId = agentId ?? string.Empty,
            MessageId = messageId,
            Status = status ?? default,
            Input = input,
            Output = output,
            TokensUsed = tokensUsed ?? default,
            CreatedAt = createdAt ?? default,
            CompletedAt = completedAt,
        };

    /// <summary>Builds a <see cref="Sdk.TokenUsage"/> (token usage of the organization's agents over a period, in total and per bucket) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="granularity">The bucket size.</param>
    /// <param name="agentId">The agent the figures are limited to, or null for all agents.</param>
    /// <param name="period">The period covered.</param>
    /// <param name="totals">Totals over the whole period.</param>
    /// <param name="timeseries">One entry per bucket, empty buckets included.</param>
    /// <returns>The model.</returns>
    public static TokenUsage TokenUsage(
        MetricsGranularity? granularity = null,
        string? agentId = null,
        MetricsPeriod? period = null,
        TokenUsageTotals? totals = null,
        IEnumerable<TokenUsageBucket>? timeseries = null) =>
        new()
        {
            Granularity = granularity ?? default,
            AgentId = agentId,
            Period = period ?? new MetricsPeriod(),
            Totals = totals ?? new TokenUsageTotals(),
            Timeseries = timeseries?.ToList() ?? [],
        };

    /// <summary>Builds a <see cref="Sdk.TokenUsageTotals"/> (token counts over a period) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="messages">Messages handled.</param>
    /// <param name="inputTokens">Tokens read (the messages).</param>
    /// <param name="outputTokens">Tokens written (the replies).</param>
    /// <param name="totalTokens">Input plus output.</param>
    /// <returns>The model.</returns>
    public static TokenUsageTotals TokenUsageTotals(
        long? messages = null,
        long? inputTokens = null,
        long? outputTokens = null,
        long? totalTokens = null) =>
        new()
        {
            Messages = messages ?? default,
            InputTokens = inputTokens ?? default,
            OutputTokens = outputTokens ?? default,
            TotalTokens = totalTokens ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.TokenUsageBucket"/> (token counts of one bucket) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="start">Start of the bucket.</param>
    /// <param name="messages">Messages handled.</param>
    /// <param name="inputTokens">Tokens read (the messages).</param>
    /// <param name="outputTokens">Tokens written (the replies).</param>
    /// <param name="totalTokens">Input plus output.</param>
    /// <returns>The model.</returns>
    public static TokenUsageBucket TokenUsageBucket(
        DateTimeOffset? start = null,
        long? messages = null,
        long? inputTokens = null,
        long? outputTokens = null,
        long? totalTokens = null) =>
        new()
        {
            Start = start ?? default,
            Messages = messages ?? default,
            InputTokens = inputTokens ?? default,
            OutputTokens = outputTokens ?? default,
            TotalTokens = totalTokens ?? default,
        };

    /// <summary>Builds a <see cref="Sdk.ApiKey"/> (an API key of the organization) for a mocked client; unset values keep their defaults.</summary>
    /// <param name="id">The key's id (opaque, e.g. <c>key_…</c>); use it to revoke the key.</param>
    /// <param name="name">The display name.</param>
    /// <param name="plainKey">The full key: set only on the result of <see cref="IApiKeysClient.CreateAsync"/>, and never again. Store it securely.</param>
    /// <param name="keyPrefix">A recognisable, harmless form of the key, e.g. <c>sk_test_...a1b2</c>.</param>
    /// <param name="scopes">The scopes the key holds (<c>*</c> is every scope).</param>
    /// <param name="resourceMode">Which resources the key may reach.</param>
    /// <param name="expiresAt">When it expires, or null.</param>
    /// <param name="createdAt">When it was created.</param>
    /// <returns>The model.</returns>
    public static ApiKey ApiKey(
        string? id = null,
        string? name = null,
        string? plainKey = null,
        string? keyPrefix = null,
        IEnumerable<string>? scopes = null,
        ApiKeyResourceMode? resourceMode = null,
        DateTimeOffset? expiresAt = null,
        DateTimeOffset? createdAt = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Name = name ?? string.Empty,
            PlainKey = plainKey,
            KeyPrefix = keyPrefix,
            Scopes = scopes?.ToList() ?? [],
            ResourceMode = resourceMode ?? default,
            ExpiresAt = expiresAt,
            CreatedAt = createdAt ?? default,
        };
}
