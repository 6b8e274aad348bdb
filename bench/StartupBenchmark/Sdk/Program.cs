using System.Diagnostics;
using Botcadence.Sdk;

// Usage: StartupSdk <base-url> <api-key> <workflow-id>. Prints the workflow's name.
// STARTUP_PROBE=1 also prints where the time goes (Stopwatch probe; the process start itself is not included).
var probe = Environment.GetEnvironmentVariable("STARTUP_PROBE") == "1";
var clock = Stopwatch.StartNew();
using var client = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = args[1], BaseAddress = new Uri(args[0]) });
var constructed = clock.Elapsed;
var workflows = client.Workflows;
var resource = clock.Elapsed;
var workflow = await client.Workflows.GetAsync(args[2]);
var first = clock.Elapsed;
Console.WriteLine(workflow.Name);
if (probe)
{
    _ = await client.Workflows.GetAsync(args[2]);
    var second = clock.Elapsed;
    Console.WriteLine($"probe: since-process-start={(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:0.0} ms, " +
        $"construct={constructed.TotalMilliseconds:0.0} ms, resource-client={(resource - constructed).TotalMilliseconds:0.0} ms, " +
        $"first-call={(first - resource).TotalMilliseconds:0.0} ms, second-call={(second - first).TotalMilliseconds:0.0} ms");
}
