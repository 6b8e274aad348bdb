// BotCadence quickstart: create a workflow, activate it, execute it, wait for the result, page through
// executions, read metrics, and handle a typed error.
//
// With no settings it starts the reference server in-process (no key, no network). Set BOTCADENCE_API_KEY
// (and optionally BOTCADENCE_BASE_URL) to run the same steps against a real endpoint. Set BOTCADENCE_TRACE=1 to print
// the SDK's OpenTelemetry spans (each operation with its HTTP attempts) and, at the end, its metrics.
using System.Text.Json;
using Botcadence.ReferenceServer;
using Botcadence.Sdk;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var trace = Environment.GetEnvironmentVariable("BOTCADENCE_TRACE") == "1";
using var tracerProvider = trace
    ? Sdk.CreateTracerProviderBuilder().AddSource(BotCadenceDiagnostics.ActivitySourceName, "System.Net.Http").AddConsoleExporter().Build()
    : null;
using var meterProvider = trace
    ? Sdk.CreateMeterProviderBuilder().AddMeter(BotCadenceDiagnostics.MeterName).AddConsoleExporter().Build()
    : null;

var apiKey = Environment.GetEnvironmentVariable("BOTCADENCE_API_KEY");
var baseUrl = Environment.GetEnvironmentVariable("BOTCADENCE_BASE_URL");

await using var embedded = string.IsNullOrEmpty(apiKey) ? await ReferenceServer.StartAsync() : null;
var options = new BotCadenceClientOptions
{
    ApiKey = embedded?.ApiKey ?? apiKey,
    BaseAddress = embedded?.BaseAddress ?? (string.IsNullOrEmpty(baseUrl) ? BotCadenceClientOptions.DefaultBaseAddress : new Uri(baseUrl)),
    ApplicationId = "Quickstart",
};
Console.WriteLine(embedded is null
    ? $"Using {options.BaseAddress}"
    : $"Started the embedded reference server at {embedded.BaseAddress} (set BOTCADENCE_API_KEY to use a real endpoint)\n" +
      $"Its interactive API reference: {embedded.DocsAddress}");

using var client = new BotCadenceClient(options);

// 1. Create a workflow: a webhook trigger and two actions.
Workflow workflow = await client.Workflows.CreateAsync(new WorkflowCreateOptions
{
    Name = "Welcome Email",
    Description = "Greets every new user",
    Channel = "email",
    Trigger = new WorkflowTriggerOptions { Type = "webhook", Event = "user.created" },
    Actions =
    [
        new WorkflowActionOptions { Type = "send_email", Config = JsonSerializer.SerializeToElement(new { to = "{{user.email}}", subject = "Welcome!" }) },
        new WorkflowActionOptions { Type = "log", Config = JsonSerializer.SerializeToElement(new { message = "welcomed {{user.name}}" }) },
    ],
},
// Your own key makes the create safe to repeat, even from a restarted process: the service replays the first result.
new RequestOptions { IdempotencyKey = $"quickstart-welcome-{Guid.NewGuid():N}" });
Console.WriteLine($"1. Created {workflow.Id} \"{workflow.Name}\" ({workflow.Status})");

// 2. Activate it.
workflow = await client.Workflows.ActivateAsync(workflow.Id);
Console.WriteLine($"2. Activated at {workflow.ActivatedAt:u} ({workflow.Status})");

// 3. Execute it a few times and wait for each execution to finish.
Execution? last = null;
foreach (var name in new[] { "Ada", "Grace", "Linus" })
{
    var started = await client.Workflows.ExecuteAsync(workflow.Id, new { user = new { name, email = $"{name.ToLowerInvariant()}@example.com" } });
    last = await client.Executions.WaitForCompletionAsync(started.Id);
}

Console.WriteLine($"3. Execution {last!.Id} {last.Status} in {last.DurationMs} ms:");
foreach (var step in last.Steps)
{
    Console.WriteLine($"     {step.Id} {step.Type,-10} {step.Status} {step.Output}");
}

// 4. Page through the workflow's executions, two per page.
var pageNumber = 0;
await foreach (Page<Execution> page in client.Executions.ListForWorkflowAsync(workflow.Id).AsPages(pageSizeHint: 2))
{
    Console.WriteLine($"4. Page {++pageNumber}: {string.Join(", ", page.Values.Select(e => $"{e.Id} {e.Status}"))} (of {page.TotalCount})");
}

// 5. Metrics computed from those executions.
WorkflowMetrics metrics = await client.Workflows.GetMetricsAsync(workflow.Id, new WorkflowMetricsOptions { Granularity = MetricsGranularity.Day });
Console.WriteLine($"5. Metrics: {metrics.Metrics.TotalExecutions} executions, success rate {metrics.Metrics.SuccessRate:P0}, " +
                  $"average {metrics.Metrics.AverageDurationMs:0} ms");

// 6. Errors are typed: a workflow that does not exist.
try
{
    await client.Workflows.GetAsync("wf_does_not_exist");
}
catch (BotCadenceNotFoundException ex)
{
    Console.WriteLine($"6. {ex.GetType().Name}: {ex.Code} \"{ex.ErrorMessage}\" (request {ex.RequestId})");
}

// Every result carries its own call's response: request id, rate-limit state, attempts, idempotency key.
var rateLimit = metrics.Response?.RateLimit;
Console.WriteLine($"Rate limit: {rateLimit?.Remaining}/{rateLimit?.Limit} left, resets {rateLimit?.Reset:u} (request {metrics.Response?.RequestId})");
