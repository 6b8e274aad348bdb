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
[JsonSerializable(typeof(Template))]
[JsonSerializable(typeof(TemplateCreateOptions))]
[JsonSerializable(typeof(TemplateUpdateOptions))]
[JsonSerializable(typeof(PageEnvelope<Template>))]
[JsonSerializable(typeof(Run))]
[JsonSerializable(typeof(RunTask))]
[JsonSerializable(typeof(RunLaunchOptions))]
[JsonSerializable(typeof(RunTaskUpdateOptions))]
[JsonSerializable(typeof(PageEnvelope<Run>))]
[JsonSerializable(typeof(Form))]
[JsonSerializable(typeof(FormCreateOptions))]
[JsonSerializable(typeof(FormSubmitRequest))]
[JsonSerializable(typeof(FormSubmission))]
[JsonSerializable(typeof(PageEnvelope<Form>))]
[JsonSerializable(typeof(PageEnvelope<FormSubmission>))]
[JsonSerializable(typeof(FileMetadata))]
[JsonSerializable(typeof(Webhook))]
[JsonSerializable(typeof(PageEnvelope<Webhook>))]
[JsonSerializable(typeof(WebhookDelivery))]
[JsonSerializable(typeof(PageEnvelope<WebhookDelivery>))]
[JsonSerializable(typeof(WebhookSubscriptionCreateOptions))]
[JsonSerializable(typeof(WebhookTriggerCreateOptions))]
[JsonSerializable(typeof(WebhookTestRequest))]
[JsonSerializable(typeof(WebhookRotateSecretRequest))]
internal sealed partial class BotCadenceJsonContext : JsonSerializerContext
{
}
