// The SDK in a Native AOT app: no reflection anywhere. Execution input goes in as a JsonElement (or with your own
// source-generated JsonTypeInfo<T>); the anonymous-object overload is the one API marked as not AOT-safe.
// Runs against BOTCADENCE_BASE_URL with BOTCADENCE_API_KEY, e.g. the standalone reference server.
using System.Text.Json;
using Botcadence.Sdk;

var apiKey = Environment.GetEnvironmentVariable("BOTCADENCE_API_KEY");
var baseUrl = Environment.GetEnvironmentVariable("BOTCADENCE_BASE_URL");
if (string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(baseUrl))
{
    Console.Error.WriteLine("Set BOTCADENCE_API_KEY and BOTCADENCE_BASE_URL (e.g. a standalone reference server).");
    return 2;
}

using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = apiKey, BaseAddress = new Uri(baseUrl), ApplicationId = "AotSmoke" });
var workflow = await client.Workflows.CreateAsync(new WorkflowCreateOptions
{
    Name = "AOT smoke", Status = WorkflowStatus.Active,
    Actions = [new WorkflowActionOptions { Type = "send_email", Config = JsonDocument.Parse("""{"to":"{{email}}"}""").RootElement }],
});
using var input = JsonDocument.Parse("""{"email":"aot@example.com"}""");
var started = await client.Workflows.ExecuteAsync(workflow.Id, input.RootElement);
var done = await client.Executions.WaitForCompletionAsync(started.Id);
var listed = 0;
await foreach (var _ in client.Workflows.ListAsync(new WorkflowListOptions { PageSize = 1 }))
{
    listed++;
}

try
{
    await client.Workflows.GetAsync("wf_missing");
    Console.Error.WriteLine("expected a not-found error");
    return 1;
}
catch (BotCadenceNotFoundException ex)
{
    Console.WriteLine($"typed error: {ex.Code}");
}

var output = done.Steps.Count > 0 ? done.Steps[0].Output?.GetProperty("to").GetString() : null;
Console.WriteLine($"AOT smoke: {workflow.Id} {done.Status}, rendered {output}, listed {listed}");
return done.Status == ExecutionStatus.Completed && output == "aot@example.com" && listed >= 1 ? 0 : 1;
