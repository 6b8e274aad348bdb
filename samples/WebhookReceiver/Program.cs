// A complete BotCadence webhook receiver: it starts the reference server in-process, hosts a receiver on Kestrel
// (port 0) with MapBotCadenceWebhooks, subscribes it to every event through the SDK, triggers events (a workflow
// execution and a test event), prints what it receives, and exits.
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Botcadence.ReferenceServer;
using Botcadence.Sdk;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

await using var server = await ReferenceServer.StartAsync(new ReferenceServerOptions
{
    WebhookRetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)],
});
var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
var received = new ConcurrentQueue<WebhookEvent>();

// ---- the receiver: this is all an application needs ----
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddBotCadenceWebhooks(o => o.Secrets = [secret]);
var receiver = builder.Build();
receiver.MapBotCadenceWebhooks("/webhooks/botcadence", (evt, ct) =>
{
    var detail = evt.IsExecutionEvent ? $"execution {evt.GetExecution().Id} is {evt.GetExecution().Status}" : evt.Data.GetRawText();
    Console.WriteLine($"  received {evt.Type} ({evt.Id}): {detail}");
    received.Enqueue(evt);
    return Task.CompletedTask;
});
await receiver.StartAsync();
var receiverUrl = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/webhooks/botcadence";
Console.WriteLine($"Receiver listening on {receiverUrl}");

// ---- the SDK side: subscribe, then make things happen ----
using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = server.ApiKey, BaseAddress = server.BaseAddress });
var subscription = await client.Webhooks.CreateSubscriptionAsync(new WebhookSubscriptionCreateOptions
{
    Url = receiverUrl,
    Events = [WebhookEventType.All],
    Secret = secret,
    Description = "WebhookReceiver sample",
});
Console.WriteLine($"Subscribed {subscription.Id} to every event");

var workflow = await client.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "Welcome", Actions = [new WorkflowActionOptions { Type = "log" }] });
await client.Workflows.ActivateAsync(workflow.Id);
var execution = await client.Workflows.ExecuteAsync(workflow.Id, new { email = "ada@example.com" });
Console.WriteLine($"Executed {workflow.Id} as {execution.Id}");
await client.Executions.WaitForCompletionAsync(execution.Id);

var test = await client.Webhooks.SendTestAsync(subscription.Id, new WebhookTestOptions { Event = WebhookEventType.RunCompleted });
Console.WriteLine($"Test delivery {test.Id}: HTTP {test.StatusCode}");

// workflow.executed + execution.completed + the test event
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
while (received.Count < 3 && !timeout.IsCancellationRequested)
{
    await Task.Delay(20);
}

await foreach (var delivery in client.Webhooks.ListDeliveriesAsync(subscription.Id))
{
    Console.WriteLine($"  log: {delivery.Event} attempt {delivery.Attempt} -> {delivery.StatusCode} in {delivery.LatencyMs} ms");
}

Console.WriteLine(received.Count >= 3 ? $"Received {received.Count} events. Done." : $"Only {received.Count} events arrived.");
await receiver.StopAsync();
return received.Count >= 3 ? 0 : 1;
