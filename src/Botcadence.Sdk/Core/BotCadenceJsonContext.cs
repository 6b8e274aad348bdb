using System.Text.Json;
using System.Text.Json.Serialization;

namespace Botcadence.Sdk;

/// <summary>The SDK's one source-generated JSON context: snake_case, nulls omitted on write.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Workflow))]
[JsonSerializable(typeof(WorkflowCreateOptions))]
[JsonSerializable(typeof(WorkflowUpdateOptions))]
[JsonSerializable(typeof(WorkflowMetrics))]
[JsonSerializable(typeof(ExecuteWorkflowRequest))]
[JsonSerializable(typeof(PageEnvelope<Workflow>))]
[JsonSerializable(typeof(Execution))]
[JsonSerializable(typeof(PageEnvelope<Execution>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Credential))]
[JsonSerializable(typeof(CredentialCreateOptions))]
[JsonSerializable(typeof(PageEnvelope<Credential>))]
[JsonSerializable(typeof(Integration))]
[JsonSerializable(typeof(IntegrationTestResult))]
[JsonSerializable(typeof(PageEnvelope<Integration>))]
[JsonSerializable(typeof(DataSource))]
[JsonSerializable(typeof(DataSourceRecord))]
[JsonSerializable(typeof(DataSourceRecordRequest))]
[JsonSerializable(typeof(PageEnvelope<DataSource>))]
[JsonSerializable(typeof(PageEnvelope<DataSourceRecord>))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(PageEnvelope<User>))]
[JsonSerializable(typeof(Agent))]
[JsonSerializable(typeof(AgentMessage))]
[JsonSerializable(typeof(AgentMessageOptions))]
[JsonSerializable(typeof(AgentTask))]
[JsonSerializable(typeof(SetSkillsRequest))]
[JsonSerializable(typeof(PageEnvelope<Agent>))]
[JsonSerializable(typeof(PageEnvelope<AgentTask>))]
[JsonSerializable(typeof(TokenUsage))]
[JsonSerializable(typeof(ApiKey))]
[JsonSerializable(typeof(ApiKeyCreateOptions))]
[JsonSerializable(typeof(PageEnvelope<ApiKey>))]
internal sealed partial class BotCadenceJsonContext : JsonSerializerContext
{
}
