using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Botcadence.ReferenceServer;
using Microsoft.Extensions.DependencyInjection;

namespace Botcadence.Sdk.Benchmarks;

/// <summary>
/// 64 concurrent callers sharing one client, in one run (<c>--concurrency</c>): a hand-written <see cref="HttpClient"/>,
/// one <see cref="BotCadenceClient"/>, and one DI-created client (<c>AddBotCadence</c>), each getting one workflow in a
/// loop for a fixed time, rounds interleaved. Reports calls per second and <see cref="Monitor.LockContentionCount"/>
/// (every contended <c>lock</c> in the process) per round. Two transports: the in-process reference server on loopback,
/// and an in-memory canned response (completing asynchronously), where only client CPU counts.
/// </summary>
internal static class ConcurrencyRun
{
    private const int Callers = 64;
    private const string WorkflowJson = """{"id":"wf_0123456789abcdef","name":"Workflow 1","description":"A workflow with a trigger and two actions","status":"active","channel":"email","trigger":{"type":"webhook","event":"user.created"},"actions":[{"id":"act_1","type":"send_email","config":{"to":"{{user.email}}","subject":"Welcome!"}},{"id":"act_2","type":"log","config":null}],"created_at":"2026-11-23T07:30:00.000Z","updated_at":"2026-11-23T07:30:00.000Z","activated_at":null,"deactivated_at":null,"execution_count":0,"success_rate":null}""";

    public static bool IsSelected(string[] args) => args.Contains("--concurrency");

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(2);
        var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(5);

        await using (var server = await ReferenceServer.ReferenceServer.StartAsync(new ReferenceServerOptions { EnterpriseRateLimitPerMinute = int.MaxValue }))
        {
            using var seed = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = server.ApiKey, BaseAddress = server.BaseAddress });
            var id = (await seed.Workflows.CreateAsync(new WorkflowCreateOptions { Name = "Concurrency" })).Id;
            await MeasureAsync("loopback, in-process reference server", server.BaseAddress, server.ApiKey, id, transport: null, seconds, rounds);
        }

        var body = Encoding.UTF8.GetBytes(WorkflowJson);
        await MeasureAsync("in-memory transport", new Uri("http://bench.invalid/v1/"), "sk_test_bench", "wf_0123456789abcdef", () => new CannedTransport(body, yieldFirst: true), seconds, rounds);
        return 0;
    }

    private static async Task MeasureAsync(string name, Uri baseAddress, string apiKey, string id, Func<HttpMessageHandler>? transport, double seconds, int rounds)
    {
        using var http = new HttpClient(transport?.Invoke() ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var sdk = new BotCadenceClient(new BotCadenceClientOptions { ApiKey = apiKey, BaseAddress = baseAddress }, transport?.Invoke());
        var services = new ServiceCollection();
        var builder = services.AddBotCadence(o =>
        {
            o.ApiKey = apiKey;
            o.BaseAddress = baseAddress;
        });
        if (transport is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(transport);
        }

        await using var provider = services.BuildServiceProvider();
        var di = provider.GetRequiredService<IBotCadenceClient>();

        var contenders = new (string Name, Func<Task> Call)[]
        {
            ("hand-written HttpClient", async () => _ = (await http.GetFromJsonAsync("workflows/" + id, HandWrittenJson.Default.HandWorkflow))!.Id),
            ("BotCadenceClient", async () => _ = (await sdk.Workflows.GetAsync(id)).Id),
            ("DI client (AddBotCadence)", async () => _ = (await di.Workflows.GetAsync(id)).Id),
        };
        var rates = contenders.ToDictionary(c => c.Name, _ => new List<double>());
        var contention = contenders.ToDictionary(c => c.Name, _ => new List<long>());
        foreach (var (_, call) in contenders)
        {
            await RoundAsync(call, 0.5); // warm-up: connections, JIT tiers
        }

        for (var round = 0; round < rounds; round++)
        {
            // Rotate the order each round so drift affects every contender alike.
            for (var k = 0; k < contenders.Length; k++)
            {
                var (contender, call) = contenders[(k + round) % contenders.Length];
                var locksBefore = Monitor.LockContentionCount;
                var calls = await RoundAsync(call, seconds);
                contention[contender].Add(Monitor.LockContentionCount - locksBefore);
                rates[contender].Add(calls / seconds);
            }
        }

        Console.WriteLine($"## {name}: {Callers} callers, {rounds} rounds of {seconds} s each, interleaved");
        var baseline = Median(rates[contenders[0].Name]);
        foreach (var (contender, _) in contenders)
        {
            var median = Median(rates[contender]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {contender,-26} | {median,10:0} calls/s | {median / baseline,5:0.00}x | lock contentions per round: {string.Join(", ", contention[contender])} | rounds: {string.Join(", ", rates[contender].Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} |"));
        }
    }

    private static async Task<long> RoundAsync(Func<Task> call, double seconds)
    {
        long calls = 0;
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                await call();
                Interlocked.Increment(ref calls);
            }
        }));
        await Task.WhenAll(callers);
        return calls;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
