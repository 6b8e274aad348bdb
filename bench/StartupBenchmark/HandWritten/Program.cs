using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Botcadence.Sdk.Benchmarks;

// Usage: StartupHandWritten <base-url> <api-key> <workflow-id>. Prints the workflow's name.
// What a careful hand-written client does: one pooled HttpClient, bearer auth, source-generated JSON of the same shape.
var probe = Environment.GetEnvironmentVariable("STARTUP_PROBE") == "1";
var clock = Stopwatch.StartNew();
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = new Uri(args[0].EndsWith('/') ? args[0] : args[0] + "/"),
};
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[1]);
var constructed = clock.Elapsed;
var workflow = await http.GetFromJsonAsync("workflows/" + Uri.EscapeDataString(args[2]), HandJson.Default.HandWorkflow);
var first = clock.Elapsed;
Console.WriteLine(workflow!.Name);
if (probe)
{
    _ = await http.GetFromJsonAsync("workflows/" + Uri.EscapeDataString(args[2]), HandJson.Default.HandWorkflow);
    var second = clock.Elapsed;
    Console.WriteLine($"probe: since-process-start={(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:0.0} ms, " +
        $"construct={constructed.TotalMilliseconds:0.0} ms, first-call={(first - constructed).TotalMilliseconds:0.0} ms, second-call={(second - first).TotalMilliseconds:0.0} ms");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HandWorkflow))]
internal sealed partial class HandJson : JsonSerializerContext;
